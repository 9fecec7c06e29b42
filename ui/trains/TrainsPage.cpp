#include "trains/TrainsPage.h"

#include "backend/FutureReply.h"
#include "backend/ReleaseFeed.h"
#include "backend/TrainBackend.h"
#include "trains/TrainDialog.h"
#include "trains/TrainTableModel.h"
#include "widgets/FieldMessage.h"
#include "widgets/MessageBox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ReleaseDeck {

TrainsPage::TrainsPage(TrainBackend& backend, ReleaseFeed& feed, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_feed(feed)
    , m_model(new TrainTableModel(this))
    , m_view(new QTableView(this))
    , m_new(new QPushButton(tr("&New train…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_empty(new QLabel(this))
    , m_message(new FieldMessage(this))
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("trainsPage"));
    setAccessibleName(tr("Release trains"));
    const QList<std::pair<QPushButton*, QString>> buttons{
        {m_new, QStringLiteral("newTrainButton")},
        {m_edit, QStringLiteral("editTrainButton")},
        {m_pause, QStringLiteral("pauseTrainButton")},
        {m_delete, QStringLiteral("deleteTrainButton")}};
    for (const auto& [button, name] : buttons) {
        button->setObjectName(name);
        button->setAccessibleName(button->text().remove(QLatin1Char('&')).remove(u'…'));
    }
    m_new->setToolTip(tr("Create a release train: releases that start themselves on a schedule"));
    connect(m_new, &QPushButton::clicked, this, &TrainsPage::openNewTrain);
    connect(m_edit, &QPushButton::clicked, this, &TrainsPage::openEditTrain);
    connect(m_pause, &QPushButton::clicked, this, &TrainsPage::pauseOrResume);
    connect(m_delete, &QPushButton::clicked, this, &TrainsPage::remove);

    m_view->setObjectName(QStringLiteral("trainTable"));
    m_view->setAccessibleName(tr("Release trains"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 2);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    const int character = fontMetrics().averageCharWidth();
    header->resizeSection(TrainTableModel::NameColumn, character * 24);
    header->resizeSection(TrainTableModel::ScheduleColumn, character * 48);
    header->resizeSection(TrainTableModel::NextKickoffColumn, character * 26);
    header->resizeSection(TrainTableModel::StateColumn, character * 12);
    header->resizeSection(TrainTableModel::LatestColumn, character * 16);
    connect(m_view, &QAbstractItemView::activated, this, [this] {
        if (m_edit->isVisible())
            openEditTrain();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TrainsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TrainsPage::updateButtons);

    m_empty->setObjectName(QStringLiteral("trainsEmptyText"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_message->setObjectName(QStringLiteral("trainsMessage"));
    m_message->setWordWrap(true);

    auto* title = new QLabel(tr("Release trains"), this);
    title->setObjectName(QStringLiteral("trainsTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_edit);
    bar->addWidget(m_pause);
    bar->addWidget(m_delete);
    bar->addWidget(m_new);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    setTabOrder(m_view, m_edit);
    setTabOrder(m_edit, m_pause);
    setTabOrder(m_pause, m_delete);
    setTabOrder(m_delete, m_new);

    connect(&m_feed, &ReleaseFeed::trainsChanged, this, [this](qint64 workspaceId) {
        if (workspaceId == m_workspaceId)
            reload();
    });
    // "In 3 days" moves with the clock.
    connect(m_clock, &QTimer::timeout, this, [this] {
        const QDateTime now = m_feed.databaseNow();
        m_model->setNow(now.isValid() ? now : QDateTime::currentDateTimeUtc());
    });
    m_clock->start(30 * 1000);
    updateButtons();
}

void TrainsPage::setWorkspace(qint64 workspaceId, Role role)
{
    if (workspaceId != m_workspaceId) {
        m_loaded = false;
        m_model->setRows({});
    }
    m_workspaceId = workspaceId;
    m_role = role;
    updateButtons();
    reload();
}

void TrainsPage::reload()
{
    if (m_workspaceId == 0)
        return;
    const int generation = ++m_generation;
    const qint64 workspaceId = m_workspaceId;
    whenFinished(m_backend.listTrains(workspaceId), this,
                 [this, generation, workspaceId](const Result<QList<TrainSummary>>& trains) {
                     if (generation != m_generation || workspaceId != m_workspaceId)
                         return;
                     if (!trains) {
                         m_message->showMessage(trains.error().message);
                         return;
                     }
                     const qint64 current = currentTrainId();
                     const QDateTime now = m_feed.databaseNow();
                     m_model->setNow(now.isValid() ? now : QDateTime::currentDateTimeUtc());
                     m_loaded = true;
                     m_model->setRows(*trains);
                     const int row = m_model->rowOf(current);
                     if (row >= 0)
                         m_view->selectRow(row);
                     updateButtons();
                 });
}

qint64 TrainsPage::currentTrainId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(TrainTableModel::TrainIdRole).toLongLong() : 0;
}

TrainDialog* TrainsPage::openDialog(TrainDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QDateTime now = m_feed.databaseNow();
    if (now.isValid())
        dialog->setNow(now);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_message->showMessage(tr("Saved train %1.").arg(dialog->saved().name),
                               FieldMessage::Tone::Success);
        reload();
    });
    dialog->open();
    return dialog;
}

TrainDialog* TrainsPage::openNewTrain()
{
    if (!m_new->isVisible() || m_workspaceId == 0)
        return nullptr;
    return openDialog(new TrainDialog(m_backend, m_workspaceId, TrainDialog::newTrain(), this));
}

TrainDialog* TrainsPage::openEditTrain()
{
    const int row = m_model->rowOf(currentTrainId());
    if (!m_edit->isVisible() || row < 0)
        return nullptr;
    return openDialog(new TrainDialog(m_backend, m_workspaceId, m_model->rowAt(row).train, this));
}

void TrainsPage::pauseOrResume()
{
    const int row = m_model->rowOf(currentTrainId());
    if (row < 0 || m_busy)
        return;
    const ReleaseConfig& train = m_model->rowAt(row).train;
    const bool resume = train.paused;
    const QString name = train.name;
    m_busy = true;
    updateButtons();
    whenFinished(resume ? m_backend.resumeTrain(m_workspaceId, train.id)
                        : m_backend.pauseTrain(m_workspaceId, train.id),
                 this, [this, resume, name](const Result<ReleaseConfig>& changed) {
                     m_busy = false;
                     if (!changed)
                         m_message->showMessage(changed.error().message);
                     else
                         m_message->showMessage(resume ? tr("Resumed train %1.").arg(name)
                                                       : tr("Paused train %1: it creates no "
                                                            "release until resumed.")
                                                             .arg(name),
                                                FieldMessage::Tone::Success);
                     reload();
                 });
}

void TrainsPage::remove()
{
    const int row = m_model->rowOf(currentTrainId());
    if (row < 0 || m_busy)
        return;
    const ReleaseConfig& train = m_model->rowAt(row).train;
    const qint64 id = train.id;
    const QString name = train.name;
    if (MessageBox::question(this, tr("Delete Train"),
                             tr("Delete the release train %1? It starts no more releases; the "
                                "releases made from it stay.")
                                 .arg(name),
                             tr("Delete train"), QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_busy = true;
    updateButtons();
    whenFinished(m_backend.removeTrain(m_workspaceId, id), this,
                 [this, name](const Status& removed) {
                     m_busy = false;
                     if (!removed)
                         m_message->showMessage(removed.error().message);
                     else
                         m_message->showMessage(tr("Deleted train %1.").arg(name),
                                                FieldMessage::Tone::Success);
                     reload();
                 });
}

void TrainsPage::updateButtons()
{
    const bool canEdit = m_role == Role::Owner || m_role == Role::Editor;
    for (QPushButton* button : {m_new, m_edit, m_pause, m_delete})
        button->setVisible(canEdit);
    const int row = m_model->rowOf(currentTrainId());
    const bool chosen = row >= 0 && !m_busy;
    m_edit->setEnabled(chosen);
    m_pause->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    const bool paused = row >= 0 && m_model->rowAt(row).train.paused;
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pause->setAccessibleName(paused ? tr("Resume the train") : tr("Pause the train"));
    const bool none = m_loaded && m_model->rowCount() == 0;
    m_view->setVisible(!none);
    m_empty->setVisible(none);
    m_empty->setText(canEdit ? tr("This workspace has no release trains yet. A train starts a "
                                  "release on a schedule, e.g. every second Tuesday at 10:00; "
                                  "create one with New train.")
                             : tr("This workspace has no release trains yet."));
}

} // namespace ReleaseDeck
