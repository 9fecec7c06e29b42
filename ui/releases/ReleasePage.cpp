#include "releases/ReleasePage.h"

#include "backend/FutureReply.h"
#include "backend/ReleaseBackend.h"
#include "backend/ReleaseFeed.h"
#include "releases/HotfixDialog.h"
#include "releases/RegressionSlotDialog.h"
#include "releases/ReleaseActionBar.h"
#include "releases/ReleaseChangesView.h"
#include "releases/ReleaseHeader.h"
#include "releases/ReleasePageText.h"
#include "releases/ReleaseTaskModel.h"
#include "releases/ReleaseTimelineView.h"
#include "releases/TaskDetailsView.h"
#include "widgets/FieldMessage.h"
#include "widgets/MessageBox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace ReleaseDeck {

ReleasePage::ReleasePage(ReleaseBackend& backend, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_back(new QPushButton(tr("← &Back"), this))
    , m_header(new ReleaseHeader(this))
    , m_message(new FieldMessage(this))
    , m_actions(new ReleaseActionBar(this))
    , m_model(new ReleaseTaskModel(this))
    , m_tasks(new QTreeView(this))
    , m_details(new TaskDetailsView(this))
    , m_tabs(new QTabWidget(this))
    , m_changes(new ReleaseChangesView(this))
    , m_timeline(new ReleaseTimelineView(this))
{
    setObjectName(QStringLiteral("releasePage"));
    setAccessibleName(tr("Release"));

    m_back->setObjectName(QStringLiteral("releaseBackButton"));
    m_back->setAccessibleName(tr("Back to the dashboard"));
    m_back->setToolTip(tr("Back to the dashboard (Backspace)"));
    connect(m_back, &QPushButton::clicked, this, &ReleasePage::backRequested);
    for (const QKeySequence& keys :
         {QKeySequence(Qt::Key_Backspace), QKeySequence(Qt::ALT | Qt::Key_Left)}) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ReleasePage::backRequested);
    }

    m_message->setObjectName(QStringLiteral("releaseMessage"));
    m_message->setAccessibleName(tr("What happened to the last action"));
    m_message->setWordWrap(true);
    connect(m_actions, &ReleaseActionBar::actionRequested, this, &ReleasePage::perform);
    connect(m_actions, &ReleaseActionBar::hotfixRequested, this, &ReleasePage::createHotfix);

    m_tasks->setObjectName(QStringLiteral("releaseTaskTree"));
    m_tasks->setAccessibleName(tr("Stages and tasks"));
    m_tasks->setModel(m_model);
    m_tasks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tasks->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tasks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tasks->setAlternatingRowColors(true);
    m_tasks->setUniformRowHeights(true);
    m_tasks->setAllColumnsShowFocus(true);
    QHeaderView* header = m_tasks->header();
    header->setObjectName(QStringLiteral("releaseTaskHeader"));
    header->setAccessibleName(tr("Task columns"));
    header->setStretchLastSection(true);
    const int character = fontMetrics().averageCharWidth();
    header->resizeSection(ReleaseTaskModel::NameColumn, character * 38);
    header->resizeSection(ReleaseTaskModel::StatusColumn, character * 17);
    header->resizeSection(ReleaseTaskModel::AttemptsColumn, character * 11);
    header->resizeSection(ReleaseTaskModel::StartedColumn, character * 18);
    header->resizeSection(ReleaseTaskModel::FinishedColumn, character * 18);
    // New rows (a cycle starting, its builds) show open.
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent, int first, int last) {
                m_tasks->expand(parent);
                for (int row = first; row <= last; ++row)
                    m_tasks->expandRecursively(m_model->index(row, 0, parent));
            });
    connect(m_tasks->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_selectedKey =
                    current.siblingAtColumn(0).data(ReleaseTaskModel::KeyRole).toString();
                m_details->showRow(current);
                updateActions();
            });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this] { m_details->showRow(m_tasks->currentIndex()); });

    m_changes->setObjectName(QStringLiteral("releaseChanges"));
    m_tabs->setObjectName(QStringLiteral("releaseTabs"));
    m_tabs->setAccessibleName(tr("Changes and timeline"));
    m_tabs->tabBar()->setObjectName(QStringLiteral("releaseTabBar"));
    m_tabs->tabBar()->setAccessibleName(tr("Changes or timeline"));
    m_tabs->addTab(m_changes, tr("Chan&ges in this release"));
    m_tabs->addTab(m_timeline, tr("T&imeline"));

    auto* left = new QWidget(this);
    left->setObjectName(QStringLiteral("releaseTasksPane"));
    left->setAccessibleName(tr("Stages and tasks"));
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tasks, 1);
    leftLayout->addWidget(m_details);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("releaseSplitter"));
    splitter->setAccessibleName(tr("Release"));
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({character * 150, character * 55});
    splitter->setChildrenCollapsible(false);

    auto* top = new QHBoxLayout;
    top->addWidget(m_back, 0, Qt::AlignTop);
    top->addSpacing(8);
    top->addWidget(m_header, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(top);
    layout->addWidget(m_actions);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(&m_backend.releaseFeed(), &ReleaseFeed::releasesChanged, this, &ReleasePage::applyFeed);
}

void ReleasePage::open(qint64 workspaceId, qint64 releaseId, Role role)
{
    ++m_generation;
    m_workspaceId = workspaceId;
    m_releaseId = releaseId;
    m_role = role;
    m_detail = ReleaseDetail();
    m_detailInFlight = false;
    m_detailAgain = false;
    m_selectedKey.clear();
    m_model->removeRows(0, m_model->rowCount());
    m_timeline->clearEvents();
    m_message->showMessage({});
    m_actions->update(m_role, m_detail, std::nullopt);
    refresh();
    m_tasks->setFocus();
}

void ReleasePage::refresh()
{
    if (m_releaseId == 0)
        return;
    loadDetail();
    loadTimeline();
    loadChanges();
}

void ReleasePage::loadDetail()
{
    // One reading at a time; a change meanwhile is read once more when it ends.
    if (m_detailInFlight) {
        m_detailAgain = true;
        return;
    }
    m_detailInFlight = true;
    const int generation = m_generation;
    whenFinished(m_backend.releaseDetail(m_workspaceId, m_releaseId), this,
                 [this, generation](const Result<ReleaseDetail>& detail) {
                     if (generation != m_generation)
                         return;
                     m_detailInFlight = false;
                     if (!detail)
                         m_message->showMessage(detail.error().message);
                     else
                         showDetail(*detail);
                     if (std::exchange(m_detailAgain, false))
                         loadDetail();
                 });
}

void ReleasePage::loadTimeline()
{
    const int generation = m_generation;
    whenFinished(m_backend.releaseTimeline(m_workspaceId, m_releaseId), this,
                 [this, generation](const Result<QList<ActivityEvent>>& events) {
                     if (generation == m_generation && events)
                         m_timeline->setEvents(*events);
                 });
}

void ReleasePage::loadChanges()
{
    const int generation = m_generation;
    m_changes->setLoading();
    whenFinished(m_backend.compareRelease(m_workspaceId, m_releaseId), this,
                 [this, generation](const Result<ScmComparison>& comparison) {
                     if (generation == m_generation)
                         m_changes->setComparison(comparison);
                 });
}

void ReleasePage::showDetail(const ReleaseDetail& detail)
{
    const bool first = m_detail.release.id == 0;
    const int scrolled = m_tasks->verticalScrollBar()->value();
    m_detail = detail;
    m_header->showRelease(detail);
    m_model->setDetail(detail);
    if (first)
        m_tasks->expandAll();
    const QModelIndex chosen = m_model->indexOfKey(m_selectedKey);
    if (chosen.isValid() && m_tasks->currentIndex().siblingAtColumn(0) != chosen)
        m_tasks->setCurrentIndex(chosen);
    m_tasks->verticalScrollBar()->setValue(scrolled);
    m_details->showRow(m_tasks->currentIndex());
    updateActions();
    emit detailShown();
}

void ReleasePage::applyFeed(qint64 workspaceId, const QList<ReleaseSummary>& changed,
                            const QList<qint64>& removed)
{
    if (workspaceId != m_workspaceId || m_releaseId == 0)
        return;
    const bool named =
        removed.contains(m_releaseId) ||
        std::any_of(changed.cbegin(), changed.cend(), [this](const ReleaseSummary& summary) {
            return summary.release.id == m_releaseId;
        });
    if (!named)
        return;
    loadDetail();
    loadTimeline();
}

std::optional<Task> ReleasePage::failedTask() const
{
    const QModelIndex current = m_tasks->currentIndex().siblingAtColumn(0);
    const bool chosenFailed =
        current.data(ReleaseTaskModel::KindRole).toInt() == ReleaseTaskModel::TaskRow &&
        current.data(ReleaseTaskModel::TaskStatusRole).toInt() == int(TaskStatus::Failed);
    std::optional<Task> first;
    for (const Task& task : m_detail.tasks) {
        if (task.status != TaskStatus::Failed)
            continue;
        if (chosenFailed &&
            int(task.type) == current.data(ReleaseTaskModel::TaskTypeRole).toInt() &&
            task.cycleNumber == current.data(ReleaseTaskModel::CycleRole).toInt())
            return task;
        if (!first)
            first = task;
    }
    return first;
}

void ReleasePage::updateActions()
{
    m_actions->update(m_role, m_detail, failedTask());
}

void ReleasePage::perform(ReleaseAction::Kind kind)
{
    using Kind = ReleaseAction::Kind;
    if (kind == Kind::AddSlot) {
        addSlot();
        return;
    }
    ReleaseAction action;
    action.kind = kind;
    action.releaseId = m_releaseId;
    action.seenRowVersion = m_detail.release.rowVersion;
    const QString version = m_detail.release.version;
    if (kind == Kind::Retry || kind == Kind::Skip) {
        const std::optional<Task> failed = failedTask();
        if (!failed)
            return;
        action.task = failed->type;
        action.cycle = isCycleTask(failed->type) ? failed->cycleNumber : -1;
        if (kind == Kind::Skip &&
            MessageBox::question(this, tr("Skip Task"),
                                 tr("Skip “%1” of %2? The release goes on without it.")
                                     .arg(ReleasePageText::taskName(failed->type), version),
                                 tr("Skip task"), QMessageBox::Cancel) != QMessageBox::Yes)
            return;
    }
    if (kind == Kind::Cancel &&
        MessageBox::question(this, tr("Cancel Release"),
                             tr("Cancel %1? Its tasks stop and it cannot be resumed.").arg(version),
                             tr("Cancel release"), QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_actions->setBusy(true);
    const int generation = m_generation;
    whenFinished(m_backend.act(m_workspaceId, action), this,
                 [this, generation](const Result<Release>& answer) {
                     if (generation == m_generation)
                         answered(answer);
                 });
}

void ReleasePage::answered(const Result<Release>& answer)
{
    m_actions->setBusy(false);
    if (!answer) {
        showRefusal(answer.error().message, answer.error().kind == ErrorKind::Conflict);
        return;
    }
    m_message->showMessage({});
    loadDetail();
    loadTimeline();
}

void ReleasePage::showRefusal(const QString& sentence, bool stale)
{
    m_message->showMessage(sentence,
                           stale ? FieldMessage::Tone::Warning : FieldMessage::Tone::Error);
    // A teammate acted first: show the release as it is now.
    if (stale) {
        loadDetail();
        loadTimeline();
    }
}

void ReleasePage::addSlot()
{
    auto* dialog = new RegressionSlotDialog(m_backend, m_workspaceId, m_detail.release, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegressionSlotDialog::added, this, [this] {
        m_message->showMessage({});
        loadDetail();
        loadTimeline();
    });
    connect(dialog, &RegressionSlotDialog::refused, this, &ReleasePage::showRefusal);
    dialog->open();
}

void ReleasePage::createHotfix()
{
    auto* dialog = new HotfixDialog(m_backend, m_workspaceId, m_detail.release.version, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HotfixDialog::created, this,
            [this](const Release& release) { open(m_workspaceId, release.id, m_role); });
    dialog->open();
}

} // namespace ReleaseDeck
