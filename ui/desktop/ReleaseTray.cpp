#include "desktop/ReleaseTray.h"

#include "desktop/WorkspaceWatch.h"
#include "releases/ReleaseText.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>

namespace ReleaseDeck {

ReleaseTray::ReleaseTray(WorkspaceWatch& watch, QObject* parent)
    : QObject(parent)
    , m_watch(watch)
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(QApplication::windowIcon(), this))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_menu->setAccessibleName(tr("Release Deck"));
    m_icon->setObjectName(QStringLiteral("trayIcon"));
    m_icon->setToolTip(tr("Release Deck"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    toggleWindow();
            });
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_icon->show();
    connect(&m_watch, &WorkspaceWatch::needsChanged, this, &ReleaseTray::rebuild);
    // The Show/Hide label follows the window's state each time the menu opens.
    connect(m_menu, &QMenu::aboutToShow, this, &ReleaseTray::rebuild);
    rebuild();
}

ReleaseTray::~ReleaseTray()
{
    delete m_menu;
}

void ReleaseTray::setWindow(QWidget* window)
{
    m_window = window;
    rebuild();
}

void ReleaseTray::rebuild()
{
    m_menu->clear();
    const QList<ReleaseNeed> needs = m_watch.needs();
    QAction* heading = m_menu->addAction(needs.isEmpty() ? tr("No release needs you")
                                                         : tr("Releases that need you"));
    heading->setObjectName(QStringLiteral("trayNeedsHeading"));
    heading->setEnabled(false);
    const bool severalWorkspaces = m_watch.followedWorkspaces().size() > 1;
    for (const ReleaseNeed& need : needs) {
        const Release& release = need.summary.release;
        const QString what = tr("%1 — %2").arg(release.version, ReleaseText::status(need.summary));
        QAction* open = m_menu->addAction(
            severalWorkspaces ? tr("%1 (%2)").arg(what, need.workspaceName) : what, this,
            [this, workspaceId = need.workspaceId, releaseId = release.id] {
                emit releaseOpenRequested(workspaceId, releaseId);
            });
        open->setObjectName(QStringLiteral("trayRelease%1").arg(release.id));
    }
    m_menu->addSeparator();
    const bool shown = m_window && m_window->isVisible() && !m_window->isMinimized();
    m_showHide = m_menu->addAction(shown ? tr("&Hide Window") : tr("&Show Window"), this,
                                   &ReleaseTray::toggleWindow);
    m_showHide->setObjectName(QStringLiteral("trayShowHideAction"));
    m_showHide->setEnabled(m_window != nullptr);
    QAction* quit = m_menu->addAction(tr("&Quit"), this, &ReleaseTray::quitRequested);
    quit->setObjectName(QStringLiteral("trayQuitAction"));
}

void ReleaseTray::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
}

} // namespace ReleaseDeck
