#include "releases/DashboardPage.h"

#include "backend/FutureReply.h"
#include "backend/ReleaseBackend.h"
#include "backend/ReleaseFeed.h"
#include "releases/ReleaseFilterModel.h"
#include "releases/ReleaseTableModel.h"
#include "releases/StageBarDelegate.h"
#include "releases/VersionBadgeDelegate.h"
#include "trains/NextKickoffStrip.h"
#include "widgets/FieldMessage.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>
#include <memory>

namespace ReleaseDeck {

namespace {

constexpr int TablePage = 0;
constexpr int EmptyPage = 1;
// Releases shown before the whole board is read: more than a tall window holds.
constexpr int FirstScreen = 100;
// Rows added to the model per turn of the event loop while a board arrives.
constexpr qsizetype SliceRows = 2000;

} // namespace

DashboardPage::DashboardPage(ReleaseBackend& backend, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new ReleaseTableModel(this))
    , m_filter(new ReleaseFilterModel(m_model, this))
    , m_view(new QTableView(this))
    , m_filters(new QButtonGroup(this))
    , m_search(new QLineEdit(this))
    , m_newRelease(new QPushButton(tr("&New release…"), this))
    , m_stack(new QStackedWidget(this))
    , m_emptyText(new QLabel(this))
    , m_emptyNewRelease(new QPushButton(tr("New release…"), this))
    , m_message(new FieldMessage(this))
    , m_nextKickoff(new NextKickoffStrip(backend.trains(), backend.releaseFeed(), this))
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    setAccessibleName(tr("Dashboard"));

    auto* title = new QLabel(tr("Releases"), this);
    title->setObjectName(QStringLiteral("dashboardTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* filterBox = new QWidget(this);
    filterBox->setObjectName(QStringLiteral("releaseFilterBox"));
    filterBox->setAccessibleName(tr("Show releases"));
    auto* filterLayout = new QHBoxLayout(filterBox);
    filterLayout->setContentsMargins(0, 0, 0, 0);
    filterLayout->setSpacing(0);
    filterLayout->addWidget(filterButton(QStringLiteral("activeFilterButton"), tr("Active"),
                                         int(ReleaseFilterModel::Filter::Active)));
    filterLayout->addWidget(filterButton(QStringLiteral("completedFilterButton"), tr("Completed"),
                                         int(ReleaseFilterModel::Filter::Completed)));
    filterLayout->addWidget(filterButton(QStringLiteral("allFilterButton"), tr("All"),
                                         int(ReleaseFilterModel::Filter::All)));
    m_filters->setExclusive(true);
    // The chosen filter stands out in light and dark palettes alike.
    filterBox->setStyleSheet(QStringLiteral(
        "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text); "
        "border: 1px solid palette(highlight); border-radius: 3px; padding: 3px 12px; }"));
    m_filters->button(int(ReleaseFilterModel::Filter::Active))->setChecked(true);
    connect(m_filters, &QButtonGroup::idClicked, this, [this](int id) {
        m_filter->setFilter(ReleaseFilterModel::Filter(id));
        updateEmptyState();
    });

    m_search->setObjectName(QStringLiteral("releaseSearchEdit"));
    m_search->setAccessibleName(tr("Search releases by version"));
    m_search->setPlaceholderText(tr("Search by version"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(fontMetrics().averageCharWidth() * 30);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setSearch(text);
        updateEmptyState();
    });
    auto* searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setObjectName(QStringLiteral("releaseSearchLabel"));
    searchLabel->setBuddy(m_search);

    m_newRelease->setObjectName(QStringLiteral("newReleaseButton"));
    m_newRelease->setAccessibleName(tr("New release"));
    m_newRelease->setToolTip(tr("Create a release (Ctrl+N)"));
    connect(m_newRelease, &QPushButton::clicked, this, &DashboardPage::newReleaseRequested);

    auto* bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addSpacing(12);
    bar->addWidget(filterBox);
    bar->addStretch(1);
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_newRelease);

    m_message->setObjectName(QStringLiteral("dashboardMessage"));
    m_message->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("releaseTable"));
    m_view->setAccessibleName(tr("Releases"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->setItemDelegateForColumn(ReleaseTableModel::VersionColumn,
                                     new VersionBadgeDelegate(m_view));
    auto* stageBar = new StageBarDelegate(m_view);
    m_view->setItemDelegateForColumn(ReleaseTableModel::ProgressColumn, stageBar);
    // Every row is as tall as the stage bar with its words; fixed, so thousands of rows
    // scroll without measuring any.
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(stageBar->sizeHint(option, {}).height());
    QHeaderView* header = m_view->horizontalHeader();
    header->setObjectName(QStringLiteral("releaseTableHeader"));
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const int character = fontMetrics().averageCharWidth();
    header->resizeSection(ReleaseTableModel::VersionColumn, character * 19);
    header->resizeSection(ReleaseTableModel::ProgressColumn, character * 36);
    header->resizeSection(ReleaseTableModel::StatusColumn, character * 37);
    header->resizeSection(ReleaseTableModel::KickoffColumn, character * 18);
    header->resizeSection(ReleaseTableModel::TargetColumn, character * 18);
    header->resizeSection(ReleaseTableModel::PilotColumn, character * 17);
    // Unsorted until a header is clicked: newest first, as the model keeps them.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        emit releaseOpened(index.data(ReleaseTableModel::ReleaseIdRole).toLongLong());
    });
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { m_topRowBeforeChange = m_view->rowAt(0); });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { keepScrollOnInsert(first, last); });
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) { keepScrollOnRemove(first, last); });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &DashboardPage::updateEmptyState);

    auto* empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("dashboardEmptyState"));
    m_emptyText->setObjectName(QStringLiteral("dashboardEmptyText"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyNewRelease->setObjectName(QStringLiteral("emptyNewReleaseButton"));
    m_emptyNewRelease->setAccessibleName(tr("Create the first release"));
    connect(m_emptyNewRelease, &QPushButton::clicked, this, &DashboardPage::newReleaseRequested);
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addSpacing(8);
    emptyLayout->addWidget(m_emptyNewRelease, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    m_stack->setObjectName(QStringLiteral("dashboardStack"));
    m_stack->insertWidget(TablePage, m_view);
    m_stack->insertWidget(EmptyPage, empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_nextKickoff);
    layout->addWidget(m_stack, 1);

    ReleaseFeed& feed = m_backend.releaseFeed();
    connect(&feed, &ReleaseFeed::releasesChanged, this, &DashboardPage::applyFeed);
    connect(&feed, &ReleaseFeed::leaseChanged, this,
            [this, &feed] { m_model->setNow(feed.databaseNow()); });
    // Relative times ("in 2 hours") and overdue targets move with the clock.
    connect(m_clock, &QTimer::timeout, m_model, &ReleaseTableModel::refreshTimes);
    m_clock->start(30 * 1000);
    updateEmptyState();
}

QAbstractButton* DashboardPage::filterButton(const QString& name, const QString& text, int filter)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(name);
    button->setAccessibleName(tr("Show %1 releases").arg(text.toLower()));
    button->setCheckable(true);
    m_filters->addButton(button, filter);
    return button;
}

void DashboardPage::setWorkspace(qint64 workspaceId, Role role)
{
    m_role = role;
    const bool canCreate = role == Role::Owner || role == Role::Editor;
    m_newRelease->setVisible(canCreate);
    m_emptyNewRelease->setVisible(canCreate);
    if (workspaceId != m_workspaceId) {
        m_workspaceId = workspaceId;
        m_loaded = false;
        m_backend.releaseFeed().stop();
        m_model->clear();
    }
    m_nextKickoff->setWorkspace(workspaceId);
    load();
}

void DashboardPage::refresh()
{
    m_nextKickoff->reload();
    load();
}

void DashboardPage::load()
{
    if (m_workspaceId == 0)
        return;
    const int generation = ++m_generation;
    const qint64 workspaceId = m_workspaceId;
    // An empty table first gets the newest releases, shown while the rest is read.
    const bool firstScreen = m_model->rowCount() == 0;
    whenFinished(m_backend.releaseBoard(workspaceId, firstScreen ? FirstScreen : 0), this,
                 [this, generation, workspaceId, firstScreen](const Result<BoardSnapshot>& board) {
                     if (generation != m_generation || workspaceId != m_workspaceId)
                         return;
                     if (!board) {
                         m_message->showMessage(board.error().message);
                         updateEmptyState();
                         return;
                     }
                     m_message->showMessage({});
                     if (!firstScreen || !board->partial) {
                         mergeBoard(generation, *board, board->feedSeq);
                         return;
                     }
                     m_loaded = true;
                     m_model->apply(board->releases, {});
                     m_model->setNow(board->now);
                     updateEmptyState();
                     loadRest(generation, board->feedSeq);
                 });
}

void DashboardPage::loadRest(int generation, qint64 followFrom)
{
    const qint64 workspaceId = m_workspaceId;
    whenFinished(m_backend.releaseBoard(workspaceId), this,
                 [this, generation, workspaceId, followFrom](const Result<BoardSnapshot>& board) {
                     if (generation != m_generation || workspaceId != m_workspaceId)
                         return;
                     if (!board) {
                         m_message->showMessage(board.error().message);
                         return;
                     }
                     // From the first screen's position: what changed since is read again.
                     mergeBoard(generation, *board, std::min(followFrom, board->feedSeq));
                 });
}

void DashboardPage::mergeBoard(int generation, const BoardSnapshot& board, qint64 followFrom)
{
    // Rows gone from the board leave first; the rest arrives in slices, so the GUI thread
    // is never busy for long however many releases there are.
    QSet<qint64> present;
    present.reserve(board.releases.size());
    for (const ReleaseSummary& summary : board.releases)
        present.insert(summary.release.id);
    QList<qint64> gone;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 id = m_model->summaryAt(row).release.id;
        if (!present.contains(id))
            gone.append(id);
    }
    m_loaded = true;
    m_model->setNow(board.now);
    m_model->apply({}, gone);
    auto rest = std::make_shared<BoardSnapshot>(board);
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, generation, rest, followFrom, weakNext = std::weak_ptr(next)](qsizetype from) {
        if (generation != m_generation)
            return;
        m_model->apply(rest->releases.mid(from, SliceRows), {});
        updateEmptyState();
        if (from + SliceRows < rest->releases.size()) {
            if (const auto again = weakNext.lock())
                QTimer::singleShot(0, this, [again, from] { (*again)(from + SliceRows); });
            return;
        }
        m_backend.releaseFeed().follow(m_workspaceId, followFrom, rest->lease, rest->now);
    };
    (*next)(0);
}

void DashboardPage::applyFeed(qint64 workspaceId, const QList<ReleaseSummary>& changed,
                              const QList<qint64>& removed)
{
    if (workspaceId != m_workspaceId || !m_loaded)
        return;
    m_model->apply(changed, removed);
    updateEmptyState();
}

qint64 DashboardPage::currentReleaseId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(ReleaseTableModel::ReleaseIdRole).toLongLong() : 0;
}

void DashboardPage::keepScrollOnInsert(int first, int last)
{
    updateEmptyState();
    // Rows added above the first visible one push it down; scrolling by as much keeps the
    // same rows in view (at the very top, new rows show).
    QScrollBar* scroll = m_view->verticalScrollBar();
    if (m_topRowBeforeChange < 0 || first > m_topRowBeforeChange || scroll->value() == 0)
        return;
    scroll->setValue(scroll->value() +
                     (last - first + 1) * m_view->verticalHeader()->defaultSectionSize());
}

void DashboardPage::keepScrollOnRemove(int first, int last)
{
    QScrollBar* scroll = m_view->verticalScrollBar();
    const int top = m_view->rowAt(0);
    if (top < 0 || last >= top)
        return;
    scroll->setValue(scroll->value() -
                     (last - first + 1) * m_view->verticalHeader()->defaultSectionSize());
}

void DashboardPage::updateEmptyState()
{
    const bool none = m_model->rowCount() == 0;
    const bool hidden = m_filter->rowCount() == 0;
    if (!m_loaded || !hidden) {
        m_stack->setCurrentIndex(TablePage);
        return;
    }
    const bool canCreate = m_role == Role::Owner || m_role == Role::Editor;
    if (none) {
        m_emptyText->setText(canCreate ? tr("This workspace has no releases yet. Create the "
                                            "first one: Release Deck forks its branch, builds "
                                            "its candidates and follows it to the store.")
                                       : tr("This workspace has no releases yet."));
    } else if (!m_search->text().trimmed().isEmpty()) {
        m_emptyText->setText(tr("No release matches “%1”.").arg(m_search->text().trimmed()));
    } else if (m_filter->filter() == ReleaseFilterModel::Filter::Completed) {
        m_emptyText->setText(tr("No release is completed yet."));
    } else {
        m_emptyText->setText(tr("No release is active. Completed and cancelled releases are "
                                "under Completed and All."));
    }
    m_emptyNewRelease->setVisible(canCreate && none);
    m_stack->setCurrentIndex(EmptyPage);
}

} // namespace ReleaseDeck
