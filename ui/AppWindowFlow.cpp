#include "AppWindowFlow.h"

#include "MainWindow.h"
#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "backend/SandboxBackend.h"
#include "logging/Logging.h"
#include "wizard/OnboardingWizard.h"
#include "wizard/WizardController.h"

#include <QPushButton>

namespace ReleaseDeck {

AppWindowFlow::AppWindowFlow(ConnectionBackend& backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
{}

AppWindowFlow::~AppWindowFlow()
{
    delete m_problem;
    delete m_wizard;
    delete m_main;
}

void AppWindowFlow::setPreferredWorkspace(const QString& workspaceName)
{
    m_preferredWorkspace = workspaceName;
}

void AppWindowFlow::showDatabaseProblem(const QString& error)
{
    if (!m_problem) {
        m_problem = new QMessageBox(QMessageBox::Warning, tr("Release Deck"), QString(),
                                    QMessageBox::Retry, m_main);
        m_problem->setObjectName(QStringLiteral("databaseProblemDialog"));
        m_problem->setAttribute(Qt::WA_DeleteOnClose);
        m_problem->button(QMessageBox::Retry)->setObjectName(QStringLiteral("retryButton"));
        QPushButton* quit = m_problem->addButton(tr("&Quit"), QMessageBox::RejectRole);
        quit->setObjectName(QStringLiteral("quitButton"));
        m_problem->setDefaultButton(QMessageBox::Retry);
        connect(m_problem, &QMessageBox::buttonClicked, this,
                [this, quit](QAbstractButton* button) {
                    if (button == quit)
                        emit quitRequested();
                    else
                        emit retryRequested();
                });
    }
    m_problem->setText(tr("The database could not be opened."));
    m_problem->setInformativeText(error);
    m_problem->open();
    // Support reads it in the log; the end-to-end tests wait for it.
    qCInfo(lcUi).noquote() << "database problem shown:" << error;
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
        if (firstLaunch && !m_exploring)
            emit setupAbandoned();
    });
    connect(m_wizard, &OnboardingWizard::sandboxRequested, this, &AppWindowFlow::exploreSandbox);
    m_wizard->show();
    // Support reads it in the log; the end-to-end tests wait for it.
    qCInfo(lcUi) << "onboarding wizard shown";
}

void AppWindowFlow::exploreSandbox()
{
    SandboxBackend* sandbox = m_backend.sandbox();
    if (!sandbox || !m_wizard)
        return;
    m_wizard->showSandboxProgress(true);
    whenFinished(sandbox->exploreSandbox(), this, [this](const Result<WorkspaceSummary>& opened) {
        if (!opened) {
            if (m_wizard)
                m_wizard->showSandboxProgress(false, opened.error().message);
            return;
        }
        qCInfo(lcUi) << "sandbox opened";
        m_exploring = true;
        if (m_wizard)
            m_wizard->close();
        m_exploring = false;
        if (m_main)
            m_main->startOver(opened->id, opened->name);
        else
            m_preferredWorkspace = opened->name;
        showMainWindow();
    });
}

void AppWindowFlow::showMainWindow()
{
    if (m_problem)
        m_problem->close();
    if (!m_main) {
        m_main = new MainWindow(&m_backend);
        m_main->setAttribute(Qt::WA_DeleteOnClose);
        if (!m_preferredWorkspace.isEmpty())
            m_main->preferWorkspace(m_preferredWorkspace);
        connect(m_main, &MainWindow::setupRequested, this, [this] { openWizard(false); });
    }
    m_main->show();
    m_main->raise();
    qCInfo(lcUi) << "main window shown";
    emit mainWindowShown(m_main);
}

void AppWindowFlow::raiseWindow()
{
    QWidget* shown = m_problem  ? static_cast<QWidget*>(m_problem)
                     : m_wizard ? static_cast<QWidget*>(m_wizard)
                                : static_cast<QWidget*>(m_main);
    if (!shown)
        return;
    if (shown->isMinimized())
        shown->showNormal();
    else
        shown->show();
    shown->raise();
    shown->activateWindow();
    qCInfo(lcUi).noquote() << "raised" << shown->objectName() << "for a second launch";
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
