#pragma once

#include "Result.h"
#include "VerificationReport.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace ReleaseDeck {

struct ChatIdentity
{
    QString userId;
    QString userName;
    QString teamId;
    QString teamName;
    QString botId;
};

struct ChatChannel
{
    QString id;
    QString name;
    bool isPrivate = false;
    bool isArchived = false;
    bool isMember = false; // the bot is in the channel
};

struct ChatMessage
{
    QString channelId;
    QString timestamp; // the provider's message id (Slack "ts")
};

// Chat for release announcements. Calls block the calling thread (see HttpClient).
class ChatClient
{
public:
    virtual ~ChatClient() = default;

    // Auth works and the bot can post in the configured channel.
    virtual Result<VerificationReport> verify() = 0;

    virtual Result<ChatIdentity> authTest() = 0;
    virtual Result<QList<ChatChannel>> listChannels() = 0;
    virtual Result<ChatChannel> channelInfo(const QString& channelId) = 0;
    // blocks: the provider's rich layout (Slack Block Kit), may be empty.
    virtual Result<ChatMessage> postMessage(const QString& channelId, const QString& text,
                                            const QJsonArray& blocks) = 0;
};

} // namespace ReleaseDeck
