#pragma once

#include "Result.h"
#include "VerificationReport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

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
    // blocks: the provider's rich layout (Slack Block Kit), may be empty. marker: a key
    // findMessage() recognises the message by (empty: none); a task posts once per marker.
    // Sent once: a message is never repeated on a transient failure.
    virtual Result<ChatMessage> postMessage(const QString& channelId, const QString& text,
                                            const QJsonArray& blocks, const QString& marker) = 0;
    // The message posted with marker in that channel, found again after a crash. since:
    // recorded before the post was sent (a margin for clock skew is the client's). None:
    // it was never posted, so posting now posts it once.
    virtual Result<std::optional<ChatMessage>>
    findMessage(const QString& channelId, const QString& marker, const QDateTime& since) = 0;
};

} // namespace ReleaseDeck
