#pragma once

#include "backend/WorkspaceSummary.h"

#include <QList>
#include <QMainWindow>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace ReleaseDeck {

class ActivityPage;
class ConnectionBackend;
class ConnectionsPage;

// The app's window: menus, the workspace switcher, navigation between Connections and
// Activity, and a status bar saying where the database is and whether the keychain works.
// Without a backend (before the app wires one) it shows only its menus.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ConnectionBackend* backend = nullptr, QWidget* parent = nullptr);

    ConnectionsPage* connectionsPage() const { return m_connections; }
    ActivityPage* activityPage() const { return m_activity; }
    void showPage(int index);
    void refreshStatus();

signals:
    // "Set up again…" from the menu: the app opens the onboarding wizard.
    void setupRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildPages();
    void buildStatusBar();
    void loadWorkspaces();
    void switchWorkspace(int index);
    void reconnect();
    void restoreWindowState();

    ConnectionBackend* m_backend;
    QComboBox* m_workspaceBox = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    ConnectionsPage* m_connections = nullptr;
    ActivityPage* m_activity = nullptr;
    QLabel* m_database = nullptr;
    QPushButton* m_reconnect = nullptr;
    QLabel* m_keychain = nullptr;
    QList<WorkspaceSummary> m_workspaces;
};

} // namespace ReleaseDeck
