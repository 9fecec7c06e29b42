#include "MainWindow.h"

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

MainWindow::MainWindow(ConnectionBackend* backend, QWidget* parent)
    : QMainWindow(parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Release Deck"));
    if (m_backend && m_backend->sandbox()) {
        m_sandbox = new SandboxControls(*m_backend->sandbox(), this);
        connect(m_sandbox, &SandboxControls::workspacesChanged, this, &MainWindow::startOver);
        connect(m_sandbox, &SandboxControls::failed, this,
                [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    }
    buildMenus();
    if (m_backend) {
        buildPages();
        buildStatusBar();
        loadWorkspaces();
    } else {
        auto* placeholder = new QLabel(tr("Release Deck"), this);
        placeholder->setAlignment(Qt::AlignCenter);
        setCentralWidget(placeholder);
        statusBar()->showMessage(tr("Ready"));
    }
    restoreWindowState();
}

void MainWindow::buildPages()
{
    auto* bar = addToolBar(tr("Workspace"));
    bar->setObjectName(QStringLiteral("workspaceToolBar"));
    bar->setMovable(false);
    auto* label = new QLabel(tr("&Workspace:"), bar);
    label->setContentsMargins(8, 0, 6, 0);
    m_workspaceBox = new QComboBox(bar);
    m_workspaceBox->setObjectName(QStringLiteral("workspaceCombo"));
    m_workspaceBox->setAccessibleName(tr("Workspace"));
    m_workspaceBox->setMinimumContentsLength(24);
    m_workspaceBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    label->setBuddy(m_workspaceBox);
    bar->addWidget(label);
    bar->addWidget(m_workspaceBox);
    connect(m_workspaceBox, &QComboBox::activated, this, &MainWindow::switchWorkspace);

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->addItem(tr("Dashboard"));
    m_navigation->addItem(tr("Connections"));
    m_navigation->addItem(tr("Activity"));
    m_navigation->addItem(tr("Members"));
    m_navigation->addItem(tr("Trains"));
    m_navigation->addItem(tr("Sandbox"));
    m_navigation->item(SandboxPageIndex)->setHidden(true);
    if (m_sandbox)
        m_sandbox->setNavigationItem(m_navigation->item(SandboxPageIndex));
    m_navigation->setSpacing(3);

    m_pages = new QStackedWidget(this);
    createPages();
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    connect(m_navigation, &QListWidget::itemClicked, this,
            [this] { m_pages->setCurrentIndex(m_navigation->currentRow()); });
    connect(this, &MainWindow::releaseOpenRequested, this, &MainWindow::openRelease);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigation);
    auto* content = new QWidget(this);
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    if (m_sandbox)
        column->addWidget(m_sandbox->banner());
    column->addWidget(m_pages, 1);
    splitter->addWidget(content);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes(
        {fontMetrics().averageCharWidth() * 22, fontMetrics().averageCharWidth() * 200});
    setCentralWidget(splitter);
    m_navigation->setCurrentRow(0);
    setTabOrder(m_workspaceBox, m_navigation);
    setTabOrder(m_navigation, m_pages);
}

void MainWindow::createPages()
{
    delete m_dashboard;
    delete m_connections;
    delete m_activity;
    delete m_members;
    delete m_trains;
    delete m_release;
    m_dashboard = new DashboardPage(m_backend->releases(), m_pages);
    m_connections = new ConnectionsPage(*m_backend, m_pages);
    m_activity = new ActivityPage(*m_backend, m_pages);
    m_members = new MembersPage(*m_backend, m_pages);
    m_trains = new TrainsPage(m_backend->releases().trains(), m_backend->releases().releaseFeed(),
                              m_pages);
    m_pages->addWidget(m_dashboard);
    m_pages->addWidget(m_connections);
    m_pages->addWidget(m_activity);
    m_pages->addWidget(m_members);
    m_pages->addWidget(m_trains);
    if (m_sandbox)
        m_pages->addWidget(m_sandbox->createPage(m_pages));
    m_release = new ReleasePage(m_backend->releases(), m_pages);
    m_pages->addWidget(m_release);
    connect(m_release, &ReleasePage::backRequested, this, [this] {
        showPage(DashboardPageIndex);
        m_dashboard->view()->setFocus();
    });
    connect(m_dashboard, &DashboardPage::newReleaseRequested, this, &MainWindow::newRelease);
    connect(m_dashboard, &DashboardPage::releaseOpened, this,
            [this](qint64 releaseId) { emit releaseOpenRequested(workspaceId(), releaseId); });
    if (m_navigation)
        m_pages->setCurrentIndex(std::max(0, m_navigation->currentRow()));
}

void MainWindow::openRelease(qint64 workspaceId, qint64 releaseId)
{
    const auto workspace =
        std::find_if(m_workspaces.cbegin(), m_workspaces.cend(),
                     [workspaceId](const WorkspaceSummary& w) { return w.id == workspaceId; });
    if (!m_release || workspace == m_workspaces.cend())
        return;
    // A release's page belongs to the dashboard's entry; clicking that entry leaves it.
    m_navigation->setCurrentRow(DashboardPageIndex);
    m_release->open(workspaceId, releaseId, workspace->role);
    m_pages->setCurrentWidget(m_release);
}

void MainWindow::buildStatusBar()
{
    m_database = new QLabel(this);
    m_database->setObjectName(QStringLiteral("databaseStatusLabel"));
    m_reconnect = new QPushButton(tr("Re&connect"), this);
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    m_reconnect->setAccessibleName(tr("Reconnect to the database"));
    ReleaseBackend& releases = m_backend->releases();
    m_orchestrator =
        new OrchestratorIndicator(releases.localOrchestrator(), releases.releaseFeed(), this);
    m_keychain = new QLabel(this);
    m_keychain->setObjectName(QStringLiteral("keychainStatusLabel"));
    // Clear of the window's edges.
    m_database->setContentsMargins(6, 0, 6, 0);
    m_keychain->setContentsMargins(6, 0, 6, 0);
    statusBar()->addWidget(m_database);
    statusBar()->addWidget(m_reconnect);
    statusBar()->addWidget(m_orchestrator);
    statusBar()->addPermanentWidget(m_keychain);
    DatabaseHealth& health = m_backend->databaseHealth();
    connect(m_reconnect, &QPushButton::clicked, &health, &DatabaseHealth::checkNow);
    connect(&health, &DatabaseHealth::changed, this, &MainWindow::refreshStatus);
    // Whatever failed while the database was away is asked again.
    connect(&health, &DatabaseHealth::recovered, this, &MainWindow::reloadPages);
    refreshStatus();
}

void MainWindow::showPage(int index)
{
    if (m_navigation)
        m_navigation->setCurrentRow(index);
    if (m_pages)
        m_pages->setCurrentIndex(index);
}

void MainWindow::refreshStatus()
{
    const DatabaseHealth& health = m_backend->databaseHealth();
    const BackendStatus& status = health.status();
    const QString where = status.sharedDatabase
                              ? tr("Database: %1 (shared)").arg(status.databaseHost)
                              : tr("Database: on this computer");
    QPalette palette = m_database->palette();
    if (status.databaseReachable) {
        m_database->setText(where);
        m_database->setToolTip(QString());
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
    } else {
        m_database->setText(
            health.checking()
                ? tr("Database unreachable — checking now…")
                : tr("Database unreachable — retrying in %1 s").arg(health.secondsUntilRetry()));
        m_database->setToolTip(tr("%1: %2").arg(where, status.databaseError));
        palette.setColor(QPalette::WindowText, StatusColors::error(this->palette()));
    }
    m_database->setAccessibleDescription(m_database->toolTip());
    m_database->setPalette(palette);
    m_reconnect->setVisible(!status.databaseReachable);
    m_reconnect->setEnabled(!health.checking());
    m_keychain->setText(status.keychainAvailable
                            ? tr("Keychain: available")
                            : tr("Keychain: not available — tokens cannot be saved"));
}

void MainWindow::startOver(qint64 workspaceId, const QString& workspaceName)
{
    if (!m_backend)
        return;
    m_preferredId = workspaceId;
    m_preferredName = workspaceName;
    m_workspaces.clear();
    m_workspaceBox->clear();
    m_workspacesLoaded = false;
    createPages();
    loadWorkspaces();
}

void MainWindow::preferWorkspace(const QString& workspaceName)
{
    m_preferredId = 0;
    m_preferredName = workspaceName;
}

void MainWindow::reloadPages()
{
    if (!m_workspacesLoaded) {
        loadWorkspaces();
        return;
    }
    m_dashboard->refresh();
    m_connections->reload();
    m_activity->refresh();
    m_members->reload();
    m_trains->reload();
    m_release->refresh();
}

void MainWindow::loadWorkspaces()
{
    const int generation = ++m_workspacesGeneration;
    whenFinished(m_backend->workspaces(), this,
                 [this, generation](const Result<QList<WorkspaceSummary>>& workspaces) {
                     // A list asked for before startOver() is of the old database.
                     if (generation != m_workspacesGeneration)
                         return;
                     if (!workspaces) {
                         statusBar()->showMessage(workspaces.error().message);
                         return;
                     }
                     statusBar()->clearMessage();
                     m_workspacesLoaded = true;
                     m_workspaces = workspaces.value();
                     if (m_sandbox)
                         m_sandbox->setWorkspaces(m_workspaces);
                     const qint64 remembered =
                         QSettings().value(QStringLiteral("workspace/current")).toLongLong();
                     m_workspaceBox->clear();
                     int current = 0;
                     for (int i = 0; i < m_workspaces.size(); ++i) {
                         const WorkspaceSummary& workspace = m_workspaces.at(i);
                         m_workspaceBox->addItem(workspace.name, workspace.id);
                         const bool preferred = m_preferredId != 0
                                                    ? workspace.id == m_preferredId
                                                    : workspace.name == m_preferredName;
                         if (preferred || (m_preferredId == 0 && m_preferredName.isEmpty() &&
                                           workspace.id == remembered))
                             current = i;
                     }
                     m_preferredId = 0;
                     m_preferredName.clear();
                     if (!m_workspaces.isEmpty()) {
                         m_workspaceBox->setCurrentIndex(current);
                         switchWorkspace(current);
                     }
                 });
}

void MainWindow::switchWorkspace(int index)
{
    if (index < 0 || index >= m_workspaces.size())
        return;
    const WorkspaceSummary& workspace = m_workspaces.at(index);
    QSettings().setValue(QStringLiteral("workspace/current"), workspace.id);
    if (m_pages->currentWidget() == m_release)
        m_pages->setCurrentWidget(m_dashboard);
    m_dashboard->setWorkspace(workspace.id, workspace.role);
    m_orchestrator->setWorkspace(workspace.id);
    m_newReleaseAction->setEnabled(workspace.role == Role::Owner || workspace.role == Role::Editor);
    m_connections->setWorkspace(workspace.id, workspace.role);
    m_activity->setWorkspace(workspace.id);
    m_members->setWorkspace(workspace.id, workspace.role);
    m_trains->setWorkspace(workspace.id, workspace.role);
    if (m_sandbox)
        m_sandbox->setWorkspace(workspace);
    setWindowTitle(tr("%1 — Release Deck").arg(workspace.name));
}

qint64 MainWindow::workspaceId() const
{
    if (!m_workspaceBox || m_workspaceBox->currentIndex() < 0)
        return 0;
    return m_workspaceBox->currentData().toLongLong();
}

void MainWindow::newRelease()
{
    const qint64 workspace = workspaceId();
    if (!m_backend || workspace == 0 || !m_newReleaseAction->isEnabled())
        return;
    auto* dialog = new NewReleaseDialog(*m_backend, workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewReleaseDialog::created, this, [this](const Release& created) {
        statusBar()->showMessage(tr("Release %1 created.").arg(created.version), 10000);
    });
    dialog->open();
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace ReleaseDeck
