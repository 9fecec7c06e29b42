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
    // The database or the workspace changed ("Set up again…"): the pages start afresh on
    // the workspace list read anew, showing workspaceId (or else the one named so).
    void startOver(qint64 workspaceId, const QString& workspaceName);

signals:
    // "Set up again…" from the menu: the app opens the onboarding wizard.
    void setupRequested();

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
    QComboBox* m_workspaceBox = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    ConnectionsPage* m_connections = nullptr;
    ActivityPage* m_activity = nullptr;
    QLabel* m_database = nullptr;
    QPushButton* m_reconnect = nullptr;
    QLabel* m_keychain = nullptr;
    QList<WorkspaceSummary> m_workspaces;
    bool m_workspacesLoaded = false;
    int m_workspacesGeneration = 0;
    // Shown next when the workspace list arrives (startOver); else the remembered one.
    qint64 m_preferredId = 0;
    QString m_preferredName;
};

} // namespace ReleaseDeck
