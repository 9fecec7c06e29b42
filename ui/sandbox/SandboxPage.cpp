#include "sandbox/SandboxPage.h"

#include "backend/FutureReply.h"
#include "widgets/StatusColors.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ReleaseDeck {

namespace {

constexpr int RefreshMilliseconds = 2000;

QTreeWidget* table(const QString& name, const QString& accessible, const QStringList& headers,
                   QWidget* parent)
{
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setAccessibleName(accessible);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setHeaderLabels(headers);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QString timeText(const QDateTime& time)
{
    return time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

SandboxPage::SandboxPage(SandboxBackend& backend, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_rehearsals(new QLabel(this))
    , m_failCi(new QPushButton(tr("Make the next &CI run fail"), this))
    , m_failChat(new QPushButton(tr("Chat answers &invalid_auth"), this))
    , m_messages(table(QStringLiteral("sandboxMessagesList"), tr("Chat messages"),
                       {tr("Posted"), tr("Channel"), tr("Message")}, this))
    , m_tickets(table(QStringLiteral("sandboxTicketsList"), tr("Tickets"),
                      {tr("Ticket"), tr("Status"), tr("Summary")}, this))
    , m_runs(table(QStringLiteral("sandboxRunsList"), tr("CI runs"),
                   {tr("Run"), tr("Status"), tr("Workflow"), tr("Ref")}, this))
    , m_log(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("sandboxPage"));
    auto* title = new QLabel(tr("<h2>What the simulation did</h2>"), this);
    auto* intro = new QLabel(tr("The sandbox's services are simulated: nothing leaves this "
                                "computer. Below is what the real integrations would have "
                                "done — the messages Slack would show, the Jira tickets and "
                                "the CI runs with their logs."),
                             this);
    intro->setWordWrap(true);
    m_rehearsals->setObjectName(QStringLiteral("sandboxRehearsalsLabel"));
    m_rehearsals->setWordWrap(true);
    m_failCi->setObjectName(QStringLiteral("failNextCiButton"));
    m_failCi->setAccessibleName(tr("Make the next CI run fail"));
    m_failChat->setObjectName(QStringLiteral("chatInvalidAuthButton"));
    m_failChat->setAccessibleName(tr("Chat answers invalid_auth"));
    m_log->setObjectName(QStringLiteral("sandboxRunLog"));
    m_log->setAccessibleName(tr("CI run log"));
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("Select a CI run to read its log."));
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_error->setObjectName(QStringLiteral("sandboxErrorLabel"));
    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, StatusColors::error(this->palette()));
    m_error->setPalette(palette);
    m_error->hide();

    auto* failures = new QHBoxLayout;
    failures->addWidget(new QLabel(tr("Rehearse a failure:"), this));
    failures->addWidget(m_failCi);
    failures->addWidget(m_failChat);
    failures->addStretch(1);

    auto* runs = new QSplitter(Qt::Vertical, this);
    runs->setObjectName(QStringLiteral("sandboxRunsSplitter"));
    runs->addWidget(m_runs);
    runs->addWidget(m_log);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("sandboxTabs"));
    tabs->addTab(m_messages, tr("Chat messages"));
    tabs->addTab(m_tickets, tr("Tickets"));
    tabs->addTab(runs, tr("CI runs"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(failures);
    layout->addWidget(m_rehearsals);
    layout->addWidget(m_error);
    layout->addWidget(tabs, 1);

    connect(m_failCi, &QPushButton::clicked, this,
            [this] { rehearse(SandboxRehearsal::FailNextCiRun); });
    connect(m_failChat, &QPushButton::clicked, this,
            [this] { rehearse(SandboxRehearsal::ChatInvalidAuth); });
    connect(m_runs, &QTreeWidget::currentItemChanged, this, &SandboxPage::showLog);
    m_timer.setInterval(RefreshMilliseconds);
    connect(&m_timer, &QTimer::timeout, this, &SandboxPage::refresh);
}

void SandboxPage::setWorkspace(qint64 workspaceId, bool canAct)
{
    m_workspaceId = workspaceId;
    m_canAct = canAct;
    m_activity = {};
    m_messages->clear();
    m_tickets->clear();
    m_runs->clear();
    m_log->clear();
    refresh();
}

void SandboxPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_timer.start();
    refresh();
}

void SandboxPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void SandboxPage::refresh()
{
    if (m_workspaceId == 0)
        return;
    const int generation = ++m_generation;
    whenFinished(m_backend.sandboxActivity(m_workspaceId), this,
                 [this, generation](const Result<SandboxActivity>& activity) {
                     if (generation != m_generation)
                         return;
                     m_error->setVisible(!activity);
                     if (!activity) {
                         m_error->setText(activity.error().message);
                         return;
                     }
                     render(*activity);
                 });
}

void SandboxPage::render(const SandboxActivity& activity)
{
    m_activity = activity;
    const qint64 selectedRun =
        m_runs->currentItem() ? m_runs->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
    m_messages->clear();
    for (const SandboxMessage& message : activity.messages) {
        auto* item = new QTreeWidgetItem(m_messages,
                                         {timeText(message.postedAt), QStringLiteral("#releases"),
                                          message.body.section(QLatin1Char('\n'), 0, 0)});
        item->setToolTip(2, message.body);
    }
    m_tickets->clear();
    for (const SandboxTicket& ticket : activity.tickets)
        new QTreeWidgetItem(m_tickets, {ticket.key, ticket.status, ticket.summary});
    m_runs->clear();
    for (const SandboxRun& run : activity.runs) {
        const QString state = !run.finished ? tr("Running")
                              : run.fails   ? tr("Failed")
                                            : tr("Succeeded");
        auto* item = new QTreeWidgetItem(
            m_runs, {QStringLiteral("#%1").arg(run.id), state, run.workflow, run.ref});
        item->setData(0, Qt::UserRole, run.id);
        if (run.id == selectedRun)
            m_runs->setCurrentItem(item);
    }
    for (QTreeWidget* tree : {m_messages, m_tickets, m_runs}) {
        for (int column = 0; column + 1 < tree->columnCount(); ++column)
            tree->resizeColumnToContents(column);
    }
    QStringList armed;
    if (activity.state.failNextCi)
        armed << tr("the next CI run fails");
    if (activity.state.chatInvalidAuth)
        armed << tr("the next chat message is refused with invalid_auth");
    m_rehearsals->setText(armed.isEmpty() ? tr("No failure rehearsed.")
                                          : tr("Rehearsing: %1.").arg(armed.join(tr("; "))));
    m_failCi->setEnabled(m_canAct && !activity.state.failNextCi);
    m_failChat->setEnabled(m_canAct && !activity.state.chatInvalidAuth);
}

void SandboxPage::showLog()
{
    const QTreeWidgetItem* item = m_runs->currentItem();
    if (!item) {
        m_log->clear();
        return;
    }
    const qint64 id = item->data(0, Qt::UserRole).toLongLong();
    for (const SandboxRun& run : std::as_const(m_activity.runs)) {
        if (run.id == id && m_log->toPlainText() != run.log)
            m_log->setPlainText(run.log);
    }
}

void SandboxPage::rehearse(SandboxRehearsal rehearsal)
{
    whenFinished(m_backend.rehearse(m_workspaceId, rehearsal), this, [this](const Status& done) {
        m_error->setVisible(!done);
        if (!done)
            m_error->setText(done.error().message);
        refresh();
    });
}

} // namespace ReleaseDeck
