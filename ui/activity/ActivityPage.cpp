#include "activity/ActivityPage.h"

#include "activity/ActivityModel.h"
#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "widgets/FieldMessage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ReleaseDeck {

ActivityPage::ActivityPage(ConnectionBackend& backend, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new ActivityModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_message(new FieldMessage(this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("activityPage"));
    m_message->setObjectName(QStringLiteral("activityMessage"));
    m_message->setWordWrap(true);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);

    m_search->setObjectName(QStringLiteral("activityFilterEdit"));
    m_search->setAccessibleName(tr("Filter activity"));
    m_search->setPlaceholderText(tr("Filter by person, kind or text"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(fontMetrics().averageCharWidth() * 40);
    m_view->setObjectName(QStringLiteral("activityTable"));
    m_view->setAccessibleName(tr("Activity"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (int column = 0; column < ActivityModel::MessageColumn; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ActivityModel::MessageColumn, QHeaderView::Stretch);

    auto* title = new QLabel(tr("Activity"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* searchLabel = new QLabel(tr("&Filter:"), this);
    searchLabel->setBuddy(m_search);
    auto* bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, m_filter,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_poll, &QTimer::timeout, this, &ActivityPage::refresh);
    m_poll->start(10 * 1000);
}

void ActivityPage::setWorkspace(qint64 workspaceId)
{
    if (workspaceId != m_workspaceId)
        m_model->clear();
    m_workspaceId = workspaceId;
    m_fetching = false;
    refresh();
}

void ActivityPage::refresh()
{
    if (m_workspaceId == 0 || m_fetching)
        return;
    m_fetching = true;
    const qint64 workspaceId = m_workspaceId;
    whenFinished(m_backend.events(workspaceId, m_model->lastSeq()), this,
                 [this, workspaceId](const Result<QList<ActivityEvent>>& events) {
                     if (workspaceId != m_workspaceId)
                         return;
                     m_fetching = false;
                     if (!events) {
                         m_message->showMessage(events.error().message);
                         return;
                     }
                     m_message->showMessage({});
                     m_model->prepend(events.value());
                 });
}

} // namespace ReleaseDeck
