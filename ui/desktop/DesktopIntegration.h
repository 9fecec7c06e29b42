#pragma once

#include "desktop/Notifier.h"
#include "desktop/PreferencesDialog.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace ReleaseDeck {

class AppWindowFlow;
class ConnectionBackend;
class MainWindow;
class ReleaseNotifications;
class ReleaseTray;
class WorkspaceWatch;

// The app on the desktop: the tray icon and its menu, notifications about the person's
// workspaces, the Preferences dialog, and raising the window when a second launch asks.
// Once the main window shows (again), it follows the signed-in person's workspaces from
// then on; a click on a notification or a release in the tray menu raises the main window
// and asks it to open the release (MainWindow::releaseOpenRequested).
class DesktopIntegration : public QObject
{
    Q_OBJECT

public:
    // notifier: where notifications go; the tray icon's balloon messages when none is given.
    DesktopIntegration(ConnectionBackend& backend, AppWindowFlow& flow,
                       std::unique_ptr<Notifier> notifier = nullptr, QObject* parent = nullptr);
    ~DesktopIntegration() override;

    WorkspaceWatch& watch() const { return *m_watch; }
    ReleaseNotifications& notifications() const { return *m_notifications; }
    ReleaseTray& tray() const { return *m_tray; }
    PreferencesDialog* preferences() const { return m_preferences; }

    // A second launch asked for the window.
    void raiseWindow();
    void openPreferences();

signals:
    // Quit from the tray menu.
    void quitRequested();

private:
    void windowShown(MainWindow* window);
    void showMainWindow();
    void takePerson();

    ConnectionBackend& m_backend;
    AppWindowFlow& m_flow;
    std::unique_ptr<WorkspaceWatch> m_watch;
    std::unique_ptr<ReleaseTray> m_tray;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<ReleaseNotifications> m_notifications;
    QPointer<MainWindow> m_window;
    QPointer<PreferencesDialog> m_preferences;
};

} // namespace ReleaseDeck
