#pragma once

#include "wizard/ConnectionPage.h"

#include <QStringList>

class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace ReleaseDeck {

// Slack: the bot token, Verify, then the channel from the workspace's real channel list,
// searchable and loaded a page at a time.
class SlackPage : public ConnectionPage
{
    Q_OBJECT

public:
    explicit SlackPage(ConnectionStep& step, QWidget* parent = nullptr);

protected:
    void render() override;

private:
    QLineEdit* m_search;
    QListWidget* m_channels;
    QPushButton* m_more;
    QTimer* m_searchDelay;
    QStringList m_shownIds;
};

} // namespace ReleaseDeck
