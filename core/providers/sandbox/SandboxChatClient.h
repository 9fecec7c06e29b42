#pragma once

#include "providers/ChatClient.h"
#include "providers/ProviderInfo.h"

namespace ReleaseDeck {

class Database;

// The sandbox's simulated chat ("sandbox-chat"): every message it is given is kept as a row
// of the sandbox workspace (what would have been posted to Slack) and found again by its
// marker. When people rehearse it, the next post is refused as Slack refuses a revoked
// token (invalid_auth). No token, no network.
class SandboxChatClient : public ChatClient
{
public:
    SandboxChatClient(const Connection& connection, Database* database);

    static ProviderInfo provider();
    // The channel the sandbox's chat connection posts to.
    static QString channel();

    Result<VerificationReport> verify() override;
    Result<ChatIdentity> authTest() override;
    Result<QList<ChatChannel>> listChannels() override;
    Result<ChatChannel> channelInfo(const QString& channelId) override;
    Result<ChatMessage> postMessage(const QString& channelId, const QString& text,
                                    const QJsonArray& blocks, const QString& marker) override;
    Result<std::optional<ChatMessage>> findMessage(const QString& channelId, const QString& marker,
                                                   const QDateTime& since) override;

private:
    Connection m_connection;
    Database* m_database;
};

} // namespace ReleaseDeck
