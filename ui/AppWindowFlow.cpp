#include "AppWindowFlow.h"

#include "MainWindow.h"
#include "backend/ConnectionBackend.h"
#include "logging/Logging.h"
#include "wizard/OnboardingWizard.h"
#include "wizard/WizardController.h"

namespace ReleaseDeck {

AppWindowFlow::AppWindowFlow(ConnectionBackend& backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
{}

AppWindowFlow::~AppWindowFlow()
{
    delete m_wizard;
    delete m_main;
}

void AppWindowFlow::start()
{
    if (m_backend.needsOnboarding())
        openWizard(true);
    else
        showMainWindow();
}

void AppWindowFlow::openWizard(bool firstLaunch)
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new OnboardingWizard(m_backend, m_main);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QDialog::accepted, this, [this] {
        const WizardResult chosen = m_wizard->controller().result();
        if (m_main)
            m_main->startOver(chosen.joinWorkspaceId, chosen.workspaceName);
        showMainWindow();
    });
    connect(m_wizard, &QDialog::rejected, this, [this, firstLaunch] {
        if (firstLaunch)
            emit setupAbandoned();
    });
    m_wizard->show();
    // Support reads it in the log; the end-to-end tests wait for it.
    qCInfo(lcUi) << "onboarding wizard shown";
}

void AppWindowFlow::showMainWindow()
{
    if (!m_main) {
        m_main = new MainWindow(&m_backend);
        m_main->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_main, &MainWindow::setupRequested, this, [this] { openWizard(false); });
    }
    m_main->show();
    m_main->raise();
    qCInfo(lcUi) << "main window shown";
}

MainWindow* AppWindowFlow::mainWindow() const
{
    return m_main;
}

OnboardingWizard* AppWindowFlow::wizard() const
{
    return m_wizard;
}

} // namespace ReleaseDeck
