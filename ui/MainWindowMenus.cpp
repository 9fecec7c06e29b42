#include "MainWindow.h"

// The main window's menus: File, View, Releases and Help (MainWindow.cpp has the rest).

#include "Version.h"
#include "activity/ActivityPage.h"
#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "backend/LocalOrchestrator.h"
#include "connections/ConnectionsPage.h"
#include "members/MembersPage.h"
#include "releases/DashboardPage.h"
#include "releases/NewReleaseDialog.h"
#include "releases/OrchestratorIndicator.h"
#include "releases/ReleasePage.h"
#include "sandbox/SandboxControls.h"
#include "sandbox/SandboxPage.h"
#include "trains/TrainsPage.h"
#include "widgets/StatusColors.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace ReleaseDeck {

void MainWindow::buildMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* setup = fileMenu->addAction(tr("&Set up again…"), this, &MainWindow::setupRequested);
    setup->setObjectName(QStringLiteral("setupAction"));
    setup->setEnabled(m_backend != nullptr);
    QAction* preferences =
        fileMenu->addAction(tr("&Preferences…"), this, &MainWindow::preferencesRequested);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setEnabled(m_backend != nullptr);
    if (m_sandbox)
        fileMenu->addActions(m_sandbox->actions());
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* dashboard =
        viewMenu->addAction(tr("&Dashboard"), this, [this] { showPage(DashboardPageIndex); });
    dashboard->setObjectName(QStringLiteral("showDashboardAction"));
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction* connections =
        viewMenu->addAction(tr("&Connections"), this, [this] { showPage(ConnectionsPageIndex); });
    connections->setObjectName(QStringLiteral("showConnectionsAction"));
    connections->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction* activity =
        viewMenu->addAction(tr("&Activity"), this, [this] { showPage(ActivityPageIndex); });
    activity->setObjectName(QStringLiteral("showActivityAction"));
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    QAction* members =
        viewMenu->addAction(tr("&Members"), this, [this] { showPage(MembersPageIndex); });
    members->setObjectName(QStringLiteral("showMembersAction"));
    members->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    QAction* trains =
        viewMenu->addAction(tr("&Trains"), this, [this] { showPage(TrainsPageIndex); });
    trains->setObjectName(QStringLiteral("showTrainsAction"));
    trains->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    QAction* refresh = viewMenu->addAction(tr("&Refresh"), this, [this] {
        if (m_dashboard)
            m_dashboard->refresh();
        if (m_release && m_pages->currentWidget() == m_release)
            m_release->refresh();
        if (m_connections)
            m_connections->reload();
        if (m_activity)
            m_activity->refresh();
        if (m_members)
            m_members->reload();
        if (m_trains)
            m_trains->reload();
        if (m_backend)
            m_backend->databaseHealth().checkNow();
    });
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    for (QAction* action : {dashboard, connections, activity, members, trains, refresh})
        action->setEnabled(m_backend != nullptr);

    QMenu* releasesMenu = menuBar()->addMenu(tr("&Releases"));
    m_newReleaseAction =
        releasesMenu->addAction(tr("&New Release…"), this, &MainWindow::newRelease);
    m_newReleaseAction->setObjectName(QStringLiteral("newReleaseAction"));
    m_newReleaseAction->setShortcut(QKeySequence::New);
    m_newReleaseAction->setEnabled(false);
    releasesMenu->addSeparator();
    m_orchestrateAction = releasesMenu->addAction(tr("&Orchestrate Releases on This Computer"));
    m_orchestrateAction->setObjectName(QStringLiteral("orchestrateHereAction"));
    m_orchestrateAction->setCheckable(true);
    m_orchestrateAction->setEnabled(m_backend != nullptr);
    if (m_backend) {
        LocalOrchestrator& local = m_backend->releases().localOrchestrator();
        m_orchestrateAction->setChecked(local.enabled());
        connect(m_orchestrateAction, &QAction::toggled, &local, &LocalOrchestrator::setEnabled);
        connect(&local, &LocalOrchestrator::changed, m_orchestrateAction,
                [action = m_orchestrateAction, &local] { action->setChecked(local.enabled()); });
    }

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Release Deck"), this, [this] {
        QMessageBox::about(this, tr("About Release Deck"),
                           tr("<b>Release Deck</b> %1<br>Runs the release process of mobile and "
                              "web apps.")
                               .arg(version()));
    });
}

} // namespace ReleaseDeck
