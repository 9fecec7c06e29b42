#include "connections/ConnectionsPage.h"

#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "connections/ConnectionEditDialog.h"
#include "connections/ConnectionTableModel.h"
#include "connections/StatusBadgeDelegate.h"
#include "widgets/DisplayNames.h"
#include "widgets/FieldMessage.h"
#include "widgets/MessageBox.h"
#include "wizard/ConnectionRules.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ReleaseDeck {

ConnectionsPage::ConnectionsPage(ConnectionBackend& backend, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new ConnectionTableModel(this))
    , m_view(new QTableView(this))
    , m_add(new QPushButton(tr("&Add connection"), this))
    , m_verify(new QPushButton(tr("&Verify"), this))
    , m_verifyAll(new QPushButton(tr("Verify a&ll"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_disconnect(new QPushButton(tr("&Disconnect…"), this))
    , m_progressBox(new QWidget(this))
    , m_progress(new QProgressBar(m_progressBox))
    , m_progressText(new QLabel(m_progressBox))
    , m_empty(new QLabel(this))
    , m_message(new FieldMessage(this))
    , m_autoVerify(new QTimer(this))
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionsPage"));
    m_add->setObjectName(QStringLiteral("addConnectionButton"));
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verifyAll->setObjectName(QStringLiteral("verifyAllButton"));
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_progressText->setObjectName(QStringLiteral("verifyProgressText"));
    m_message->setObjectName(QStringLiteral("connectionsMessage"));
    m_message->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("connectionsTable"));
    m_view->setAccessibleName(tr("Connections"));

    auto* addMenu = new QMenu(m_add);
    for (ConnectionCategory category : {ConnectionCategory::Scm, ConnectionCategory::Chat,
                                        ConnectionCategory::Issues, ConnectionCategory::Ci}) {
        addMenu->addAction(DisplayNames::category(category), this,
                           [this, category] { addConnection(category); });
    }
    m_add->setMenu(addMenu);

    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ConnectionTableModel::StatusColumn,
                                     new StatusBadgeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setIconSize(QSize(fontMetrics().height() + 4, fontMetrics().height() + 4));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 2 + 4);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(ConnectionTableModel::ConnectionColumn,
                                 QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ConnectionTableModel::StatusColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ConnectionTableModel::LastVerifiedColumn,
                                 QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ConnectionTableModel::ErrorColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ConnectionTableModel::TokenColumn, QHeaderView::ResizeToContents);

    // The count stands beside the bar: drawn inside, it would cross the bar's fill.
    m_progressBox->setVisible(false);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 16);
    m_progress->setTextVisible(false);
    connect(m_progress, &QProgressBar::valueChanged, m_progressText, [this](int value) {
        m_progressText->setText(tr("Verified %1 of %2").arg(value).arg(m_progress->maximum()));
    });
    auto* progressLayout = new QHBoxLayout(m_progressBox);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progressText);
    progressLayout->addWidget(m_progress);

    m_empty->setObjectName(QStringLiteral("noConnectionsLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    auto* title = new QLabel(tr("Connections"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_progressBox);
    bar->addWidget(m_verify);
    bar->addWidget(m_verifyAll);
    bar->addWidget(m_edit);
    bar->addWidget(m_disconnect);
    bar->addWidget(m_add);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);

    setTabOrder(m_verify, m_verifyAll);
    setTabOrder(m_verifyAll, m_edit);
    setTabOrder(m_edit, m_disconnect);
    setTabOrder(m_disconnect, m_add);
    setTabOrder(m_add, m_view);

    connect(m_verify, &QPushButton::clicked, this, &ConnectionsPage::verifySelected);
    connect(m_verifyAll, &QPushButton::clicked, this, &ConnectionsPage::verifyAll);
    connect(m_edit, &QPushButton::clicked, this, &ConnectionsPage::editSelected);
    connect(m_disconnect, &QPushButton::clicked, this, &ConnectionsPage::disconnectSelected);
    connect(m_view, &QTableView::activated, this, [this] {
        if (canManageConnections(m_role))
            editSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConnectionsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectionsPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConnectionsPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConnectionsPage::updateActions);

    connect(m_autoVerify, &QTimer::timeout, this, &ConnectionsPage::verifyAll);
    m_autoVerify->start(24 * 60 * 60 * 1000);
    connect(m_clock, &QTimer::timeout, this,
            [this] { m_model->setNow(QDateTime::currentDateTimeUtc()); });
    m_clock->start(60 * 1000);
    updateActions();
}

void ConnectionsPage::setWorkspace(qint64 workspaceId, Role role)
{
    if (workspaceId != m_workspaceId)
        m_model->setRows({});
    m_workspaceId = workspaceId;
    m_role = role;
    m_pending = 0;
    m_progressBox->setVisible(false);
    updateActions();
    reload();
}

void ConnectionsPage::reload()
{
    const qint64 workspaceId = m_workspaceId;
    whenFinished(m_backend.listConnections(workspaceId), this,
                 [this, workspaceId](const Result<QList<ConnectionRow>>& rows) {
                     if (workspaceId != m_workspaceId)
                         return;
                     if (!rows) {
                         m_message->showMessage(rows.error().message);
                         return;
                     }
                     m_message->showMessage({});
                     m_model->setRows(rows.value());
                     m_view->selectRow(0);
                 });
}

void ConnectionsPage::verifySelected()
{
    if (const qint64 id = selectedId(); id != 0)
        verifyOne(id);
}

void ConnectionsPage::verifyAll()
{
    const QList<qint64> ids = m_model->connectionIds();
    if (ids.isEmpty() || m_pending > 0 || !canRunReleases(m_role))
        return;
    m_pending = int(ids.size());
    m_progress->setRange(0, m_pending);
    m_progress->setValue(0);
    m_progressText->setText(tr("Verified 0 of %1").arg(m_pending));
    m_progressBox->setVisible(true);
    for (qint64 id : ids)
        m_model->setVerifying(id, true);
    updateActions();
    const qint64 workspaceId = m_workspaceId;
    whenEachReady(
        m_backend.verifyAll(workspaceId), this,
        [this, workspaceId](const Result<ConnectionRow>& row) {
            if (workspaceId != m_workspaceId)
                return;
            if (!row) {
                m_message->showMessage(row.error().message);
                return;
            }
            m_model->updateRow(row.value());
            m_progress->setValue(m_progress->value() + 1);
            updateActions();
        },
        [this, ids, workspaceId] {
            if (workspaceId != m_workspaceId)
                return;
            // Connections the backend could not get to are no longer being verified.
            for (qint64 id : ids)
                m_model->setVerifying(id, false);
            m_pending = 0;
            m_progressBox->setVisible(false);
            updateActions();
            emit verifyAllFinished();
        });
}

void ConnectionsPage::verifyOne(qint64 connectionId)
{
    m_model->setVerifying(connectionId, true);
    updateActions();
    const qint64 workspaceId = m_workspaceId;
    whenFinished(m_backend.verify(workspaceId, connectionId), this,
                 [this, connectionId, workspaceId](const Result<ConnectionRow>& row) {
                     if (workspaceId != m_workspaceId)
                         return;
                     if (row) {
                         m_model->updateRow(row.value());
                     } else {
                         m_model->setVerifying(connectionId, false);
                         m_message->showMessage(row.error().message);
                     }
                     updateActions();
                 });
}

void ConnectionsPage::editSelected()
{
    const int row = m_model->rowOf(selectedId());
    if (row < 0 || !canManageConnections(m_role))
        return;
    ConnectionEditDialog dialog(m_backend, m_workspaceId, m_model->rowAt(row).connection, this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void ConnectionsPage::addConnection(ConnectionCategory category)
{
    if (!canManageConnections(m_role))
        return;
    Connection blank;
    blank.category = category;
    ConnectionEditDialog dialog(m_backend, m_workspaceId, blank, this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void ConnectionsPage::disconnectSelected()
{
    const qint64 id = selectedId();
    const int row = m_model->rowOf(id);
    if (row < 0 || !canManageConnections(m_role))
        return;
    const Connection& connection = m_model->rowAt(row).connection;
    const QString name = tr("%1 — %2").arg(ConnectionRules::providerName(connection.provider),
                                           connection.displayName);
    const auto answer = MessageBox::question(
        this, tr("Disconnect %1?").arg(name),
        tr("Release Deck stops using %1 and forgets its token on this computer. Tasks that need "
           "it will be skipped until you connect again.")
            .arg(name),
        tr("Disconnect"), QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    whenFinished(m_backend.disconnect(m_workspaceId, id), this, [this, id](const Status& status) {
        if (!status) {
            m_message->showMessage(status.error().message);
            return;
        }
        m_model->removeConnection(id);
    });
}

void ConnectionsPage::setAutoVerifyInterval(int milliseconds)
{
    m_autoVerify->start(milliseconds);
}

void ConnectionsPage::updateActions()
{
    const bool owner = canManageConnections(m_role);
    const bool runner = canRunReleases(m_role);
    const bool selected = selectedId() != 0;
    const bool verifying = m_pending > 0;
    m_add->setVisible(owner);
    m_edit->setVisible(owner);
    m_disconnect->setVisible(owner);
    m_verify->setVisible(runner);
    m_verifyAll->setVisible(runner);
    m_edit->setEnabled(selected);
    m_disconnect->setEnabled(selected);
    m_verify->setEnabled(selected && !verifying);
    m_verifyAll->setEnabled(m_model->rowCount() > 0 && !verifying);
    const bool empty = m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
    m_empty->setText(owner ? tr("No connections yet. Add one to let releases create branches, "
                                "tickets and builds.")
                           : tr("No connections yet. An owner of this workspace can add them."));
}

qint64 ConnectionsPage::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(ConnectionTableModel::ConnectionIdRole).toLongLong();
}

} // namespace ReleaseDeck
