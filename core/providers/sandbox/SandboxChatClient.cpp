#include "SandboxChatClient.h"

#include "SandboxStore.h"

namespace ReleaseDeck {

namespace {

ChatMessage messageOf(const SandboxMessage& message)
{
    return {message.channelId, QStringLiteral("sandbox.%1").arg(message.id)};
}

} // namespace

SandboxChatClient::SandboxChatClient(const Connection& connection, Database* database)
    : m_connection(connection)
    , m_database(database)
{}

ProviderInfo SandboxChatClient::provider()
{
    ProviderInfo info;
    info.id = QStringLiteral("sandbox-chat");
    info.category = ConnectionCategory::Chat;
    info.displayName = QString::fromUtf8(QT_TRANSLATE_NOOP("ProviderRegistry", "Simulated chat"));
    info.needsToken = false;
    info.simulated = true;
    info.createChat = [](const Connection& connection, const QString&, const HttpClient&,
                         Database* database) -> std::unique_ptr<ChatClient> {
        return std::make_unique<SandboxChatClient>(connection, database);
    };
    return info;
}

QString SandboxChatClient::channel()
{
    return QStringLiteral("C0SANDBOX");
}

Result<VerificationReport> SandboxChatClient::verify()
{
    return VerificationReport{QStringLiteral("Simulated chat: messages are kept in the sandbox."),
                              {}};
}

Result<ChatIdentity> SandboxChatClient::authTest()
{
    return ChatIdentity{QStringLiteral("U0SANDBOX"), QStringLiteral("release-deck"),
                        QStringLiteral("T0SANDBOX"), QStringLiteral("Sandbox"),
                        QStringLiteral("B0SANDBOX")};
}

Result<QList<ChatChannel>> SandboxChatClient::listChannels()
{
    return QList<ChatChannel>{{channel(), QStringLiteral("releases"), false, false, true}};
}

Result<ChatChannel> SandboxChatClient::channelInfo(const QString& channelId)
{
    if (channelId != channel())
        return Error::notFound(
            QStringLiteral("The simulated chat has no channel %1 (channel_not_found).")
                .arg(channelId));
    return listChannels()->constFirst();
}

Result<ChatMessage> SandboxChatClient::postMessage(const QString& channelId, const QString& text,
                                                   const QJsonArray&, const QString& marker)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    SandboxStore store(*m_database);
    Result<bool> refused =
        store.takeRehearsal(m_connection.workspaceId, SandboxRehearsal::ChatInvalidAuth);
    if (!refused)
        return refused.error();
    if (*refused)
        return Error{ErrorKind::Unauthorized,
                     QStringLiteral("Slack refused the bot token (invalid_auth); reconnect Slack "
                                    "with a valid token. (Rehearsed in the sandbox.)"),
                     {}};
    Result<SandboxMessage> kept =
        store.addMessage(m_connection.workspaceId, channelId, text, marker);
    if (!kept)
        return kept.error();
    return messageOf(*kept);
}

Result<std::optional<ChatMessage>> SandboxChatClient::findMessage(const QString& channelId,
                                                                  const QString& marker,
                                                                  const QDateTime& since)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    Result<std::optional<SandboxMessage>> found =
        SandboxStore(*m_database).findMessage(m_connection.workspaceId, channelId, marker, since);
    if (!found)
        return found.error();
    if (!found->has_value())
        return std::optional<ChatMessage>();
    return std::optional<ChatMessage>(messageOf(**found));
}

} // namespace ReleaseDeck
