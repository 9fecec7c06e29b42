#include "desktop/DesktopIntegration.h"

#include "AppWindowFlow.h"
#include "MainWindow.h"
#include "backend/ConnectionBackend.h"
#include "desktop/PreferencesDialog.h"
#include "desktop/ReleaseNotifications.h"
#include "desktop/ReleaseTray.h"
#include "desktop/TrayNotifier.h"
#include "desktop/WorkspaceWatch.h"

namespace ReleaseDeck {

DesktopIntegration::DesktopIntegration(ConnectionBackend& backend, AppWindowFlow& flow,
                                       std::unique_ptr<Notifier> notifier, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_flow(flow)
    , m_watch(std::make_unique<WorkspaceWatch>(backend))
    , m_tray(std::make_unique<ReleaseTray>(*m_watch))
    , m_notifier(notifier ? std::move(notifier) : std::make_unique<TrayNotifier>(m_tray->icon()))
    , m_notifications(std::make_unique<ReleaseNotifications>(*m_notifier))
{
    connect(m_watch.get(), &WorkspaceWatch::eventsArrived, m_notifications.get(),
            &ReleaseNotifications::take);
    // The window comes up first, then the release opens in it.
    connect(m_notifications.get(), &ReleaseNotifications::releaseOpenRequested, this,
            &DesktopIntegration::showMainWindow);
    connect(m_notifications.get(), &ReleaseNotifications::windowRequested, this,
            &DesktopIntegration::showMainWindow);
    connect(m_tray.get(), &ReleaseTray::releaseOpenRequested, this,
            &DesktopIntegration::showMainWindow);
    connect(m_tray.get(), &ReleaseTray::quitRequested, this, &DesktopIntegration::quitRequested);
    connect(&m_flow, &AppWindowFlow::mainWindowShown, this, &DesktopIntegration::windowShown);
    connect(&m_backend.databaseHealth(), &DatabaseHealth::changed, this,
            &DesktopIntegration::takePerson);
}

DesktopIntegration::~DesktopIntegration() = default;

void DesktopIntegration::windowShown(MainWindow* window)
{
    if (window != m_window) {
        m_window = window;
        connect(m_notifications.get(), &ReleaseNotifications::releaseOpenRequested, window,
                &MainWindow::releaseOpenRequested);
        connect(m_tray.get(), &ReleaseTray::releaseOpenRequested, window,
                &MainWindow::releaseOpenRequested);
        connect(window, &MainWindow::preferencesRequested, this,
                &DesktopIntegration::openPreferences);
        m_tray->setWindow(window);
    }
    // Shown again after "Set up again…": the database or the workspaces may be new.
    takePerson();
    m_watch->start();
}

void DesktopIntegration::takePerson()
{
    // A failed probe knows nobody; the person stays who signed in.
    const BackendStatus& status = m_backend.databaseHealth().status();
    if (status.accountId != 0)
        m_notifications->setPerson({status.accountId, status.login});
}

void DesktopIntegration::showMainWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized() || !m_window->isVisible())
        m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void DesktopIntegration::raiseWindow()
{
    m_flow.raiseWindow();
}

void DesktopIntegration::openPreferences()
{
    if (!m_preferences) {
        m_preferences =
            new PreferencesDialog(m_backend.releases().localOrchestrator(), m_window.data());
        m_preferences->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_preferences->show();
    m_preferences->raise();
    m_preferences->activateWindow();
}

} // namespace ReleaseDeck
