#pragma once

#include "ChatClient.h"
#include "ProviderInfo.h"
#include "RestEndpoint.h"

namespace ReleaseDeck {

// Where a Slack workspace's Web API lives and where releases are announced, from a
// connection's config (channel, apiUrl for tests and GovSlack).
struct SlackTarget
{
    QUrl apiUrl;       // https://slack.com/api
    QString channelId; // "C0123ABCD"

    // apiUrl and the channel, picked from the workspace's channels once the token works.
    static QList<ProviderField> fields();
    static Result<SlackTarget> fromConfig(const QJsonObject& config);
};

// Slack with a bot token. Slack reports most failures as HTTP 200 with "ok": false and an
// error code; each code becomes an Error kind with a sentence saying what to do.
//
// A message's marker travels as message metadata ({"event_type": "release_deck",
// "event_payload": {"key": marker}}); findMessage() reads conversations.history with
// include_all_metadata, which needs the channels:history scope (groups:history for a
// private channel) beside chat:write.
class SlackChatClient : public ChatClient
{
public:
    SlackChatClient(const SlackTarget& target, const QString& token, const HttpClient& http);

    // The registry entry "slack".
    static ProviderInfo provider();

    // auth.test works and the bot can post in the configured channel: it is a member, or
    // the channel is public and the app has chat:write.public.
    Result<VerificationReport> verify() override;
    Result<ChatIdentity> authTest() override;
    Result<QList<ChatChannel>> listChannels() override;
    Result<ChatChannel> channelInfo(const QString& channelId) override;
    Result<ChatMessage> postMessage(const QString& channelId, const QString& text,
                                    const QJsonArray& blocks, const QString& marker) override;
    // Reads at most a few pages of history since then, newest first.
    Result<std::optional<ChatMessage>> findMessage(const QString& channelId, const QString& marker,
                                                   const QDateTime& since) override;

private:
    // The Error for a Slack error code; channel names the channel involved, when any.
    Error errorFor(const QString& code, const QString& needed, const QString& channel) const;
    // The answer's object when "ok" is true, else the mapped Error.
    Result<QJsonObject> checked(const HttpResponse& response, const QString& channel) const;
    Result<QJsonObject> call(const HttpRequest& request, const QString& channel = {}) const;

    SlackTarget m_target;
    RestEndpoint m_api;
    QStringList m_scopes; // from the last auth.test's x-oauth-scopes
    QString m_botName;
};

} // namespace ReleaseDeck
