#pragma once

#include "backend/WorkspaceSummary.h"

#include <QList>
#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace ReleaseDeck {

class ActivityPage;
class ConnectionBackend;
class ConnectionsPage;
class DashboardPage;
class MembersPage;
class OrchestratorIndicator;
class TrainsPage;
class ReleasePage;
class SandboxControls;

// The app's window: menus, the workspace switcher, navigation between the Dashboard,
// Connections, Activity, Members and Trains, and a status bar saying where the database is, who
// orchestrates the workspace's releases and whether the keychain works.
// Without a backend (before the app wires one) it shows only its menus.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ConnectionBackend* backend = nullptr, QWidget* parent = nullptr);

    enum Page
    {
        DashboardPageIndex,
        ConnectionsPageIndex,
        ActivityPageIndex,
        MembersPageIndex,
        TrainsPageIndex,
        SandboxPageIndex, // listed while the Sandbox workspace is shown
    };

    DashboardPage* dashboardPage() const { return m_dashboard; }
    ConnectionsPage* connectionsPage() const { return m_connections; }
    ActivityPage* activityPage() const { return m_activity; }
    MembersPage* membersPage() const { return m_members; }
    TrainsPage* trainsPage() const { return m_trains; }
    ReleasePage* releasePage() const { return m_release; }
    void showPage(int index);
    qint64 workspaceId() const;
    // The database or the workspace changed ("Set up again…"): the pages start afresh on
    // the workspace list read anew, showing workspaceId (or else the one named so).
    void startOver(qint64 workspaceId, const QString& workspaceName);
    // Shows the workspace named so once the workspace list arrives (--workspace NAME).
    void preferWorkspace(const QString& workspaceName);

    // Shows a release's page in place of the dashboard (releaseOpenRequested).
    void openRelease(qint64 workspaceId, qint64 releaseId);
    // New release (Ctrl+N, the dashboard's buttons) in the shown workspace.
    void newRelease();

signals:
    // "Set up again…" from the menu: the app opens the onboarding wizard.
    void setupRequested();
    // File › Preferences… (Ctrl+,): the app opens the Preferences dialog.
    void preferencesRequested();
    // A release was opened (Enter or a double click on the dashboard).
    void releaseOpenRequested(qint64 workspaceId, qint64 releaseId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildPages();
    void createPages();
    void buildStatusBar();
    void refreshStatus();
    void loadWorkspaces();
    void switchWorkspace(int index);
    void reloadPages();
    void restoreWindowState();

    ConnectionBackend* m_backend;
    QAction* m_newReleaseAction = nullptr;
    QAction* m_orchestrateAction = nullptr;
    QComboBox* m_workspaceBox = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    DashboardPage* m_dashboard = nullptr;
    ConnectionsPage* m_connections = nullptr;
    ActivityPage* m_activity = nullptr;
    MembersPage* m_members = nullptr;
    TrainsPage* m_trains = nullptr;
    ReleasePage* m_release = nullptr;
    QLabel* m_database = nullptr;
    QPushButton* m_reconnect = nullptr;
    OrchestratorIndicator* m_orchestrator = nullptr;
    SandboxControls* m_sandbox = nullptr;
    QLabel* m_keychain = nullptr;
    QList<WorkspaceSummary> m_workspaces;
    bool m_workspacesLoaded = false;
    int m_workspacesGeneration = 0;
    // Shown next when the workspace list arrives (startOver); else the remembered one.
    qint64 m_preferredId = 0;
    QString m_preferredName;
};

} // namespace ReleaseDeck
