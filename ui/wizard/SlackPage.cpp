#include "wizard/SlackPage.h"

#include "wizard/ConnectionStep.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace ReleaseDeck {

SlackPage::SlackPage(ConnectionStep& step, QWidget* parent)
    : ConnectionPage(step, QStringLiteral("slack"), parent)
    , m_search(new QLineEdit(this))
    , m_channels(new QListWidget(this))
    , m_more(new QPushButton(tr("Load &more channels"), this))
    , m_searchDelay(new QTimer(this))
{
    setTitle(tr("Slack"));
    setSubTitle(tr("Release Deck posts kickoffs, builds, failures and approvals to one channel. "
                   "Use a bot token from your Slack app."));
    addProviderFields();
    addTokenField(tr("Bot &token:"), tr("The bot token from your Slack app"));
    addVerifyRow();

    m_search->setObjectName(QStringLiteral("slackSearchEdit"));
    m_search->setAccessibleName(tr("Search channels"));
    m_search->setPlaceholderText(tr("Type to search by name"));
    m_search->setClearButtonEnabled(true);
    form()->addRow(tr("&Search channels:"), m_search);

    m_channels->setObjectName(QStringLiteral("slackChannelList"));
    m_channels->setAccessibleName(tr("Channels"));
    m_channels->setMinimumHeight(fontMetrics().height() * 8);
    auto* column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_channels);
    m_more->setObjectName(QStringLiteral("slackMoreButton"));
    m_more->setAutoDefault(false);
    column->addWidget(m_more, 0, Qt::AlignLeft);
    auto* channelLabel =
        new QLabel(formLabel(pickedField(FieldChoices::Channels).shownLabel()), this);
    channelLabel->setBuddy(m_channels);
    form()->addRow(channelLabel, column);

    setTabOrder(verifyButton(), m_search);
    setTabOrder(m_search, m_channels);
    setTabOrder(m_channels, m_more);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this,
            [this] { this->step().searchChoices(m_search->text().trimmed()); });
    connect(m_more, &QPushButton::clicked, this, [this] { this->step().loadMoreChoices(); });
    connect(m_channels, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            this->step().setField(pickedField(FieldChoices::Channels).formKey(),
                                  item->data(Qt::UserRole).toString());
    });
    render();
}

void SlackPage::render()
{
    ConnectionPage::render();
    const bool valid = step().state() == ConnectionStep::State::Valid;
    m_search->setEnabled(valid);
    const QList<ChoicePage::Choice> channels = step().choices().items;
    const QString chosen = step().field(pickedField(FieldChoices::Channels).formKey());
    QStringList ids;
    for (const auto& channel : channels)
        ids << channel.id;
    const QSignalBlocker blocker(m_channels);
    // Appending keeps the scroll position when the next page arrives.
    const bool appended = !m_shownIds.isEmpty() && ids.size() > m_shownIds.size() &&
                          ids.mid(0, m_shownIds.size()) == m_shownIds;
    if (!appended && ids != m_shownIds)
        m_channels->clear();
    if (ids != m_shownIds || channels.isEmpty()) {
        if (channels.isEmpty())
            m_channels->clear();
        for (qsizetype i = appended ? m_shownIds.size() : 0; i < channels.size(); ++i) {
            auto* item =
                new QListWidgetItem(QStringLiteral("#") + channels.at(i).label, m_channels);
            item->setData(Qt::UserRole, channels.at(i).id);
        }
        m_shownIds = ids;
    }
    for (int row = 0; row < m_channels->count(); ++row) {
        if (!chosen.isEmpty() && m_channels->item(row)->data(Qt::UserRole).toString() == chosen)
            m_channels->setCurrentRow(row);
    }
    m_channels->setEnabled(valid);
    m_more->setVisible(valid && !step().choices().nextCursor.isEmpty());
    m_more->setEnabled(!step().loadingChoices());
}

} // namespace ReleaseDeck
