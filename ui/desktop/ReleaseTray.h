#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace ReleaseDeck {

class WorkspaceWatch;

// The tray icon's menu: the releases that wait for the person (awaiting approval, paused
// on a failed task) across their workspaces, each opening its release; Show or Hide the
// window; Quit. The icon shows only where the desktop has a tray
// (QSystemTrayIcon::isSystemTrayAvailable()); the menu and the icon's notifications
// (TrayNotifier) exist either way.
class ReleaseTray : public QObject
{
    Q_OBJECT

public:
    explicit ReleaseTray(WorkspaceWatch& watch, QObject* parent = nullptr);
    ~ReleaseTray() override;

    // The window Show/Hide acts on (the main window, or the wizard before it).
    void setWindow(QWidget* window);
    QMenu* menu() const { return m_menu; }
    QSystemTrayIcon& icon() const { return *m_icon; }

signals:
    void releaseOpenRequested(qint64 workspaceId, qint64 releaseId);
    void quitRequested();

private:
    void rebuild();
    void toggleWindow();

    WorkspaceWatch& m_watch;
    QMenu* m_menu;
    QSystemTrayIcon* m_icon;
    QPointer<QWidget> m_window;
    QAction* m_showHide = nullptr;
};

} // namespace ReleaseDeck
