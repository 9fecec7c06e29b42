#pragma once

#include "FakeHttpServer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QStringList>

#include <memory>

namespace ReleaseDeck::Test {

// A stateful Slack Web API (under /api) for one workspace and its bot: auth.test,
// conversations.info / list, chat.postMessage (messages kept with their metadata) and
// conversations.history (oldest, inclusive, limit, cursor pages, metadata only with
// include_all_metadata). Failures come as Slack sends them: HTTP 200 with "ok": false,
// except ratelimited (429 + Retry-After). Scopes, membership and archiving are checked
// (missing_scope names what is needed, not_in_channel, is_archived, channel_not_found).
// Any thread may call it; it serves from its own thread.
class FakeSlack
{
public:
    FakeSlack();

    FakeHttpServer& server() { return m_server; }
    QUrl apiUrl() const { return m_server.url("/api"); }
    // apiUrl and channel (the release channel) pointing here.
    QJsonObject config() const;

    static QString channel() { return QStringLiteral("C0RELEASES"); }
    static QString botUserId() { return QStringLiteral("U0BOT"); }

    // Requests without "Authorization: Bearer <token>" get invalid_auth (not_authed when no
    // token is sent); empty: any token is accepted.
    void setToken(const QString& token);
    // The bot's scopes, sent in x-oauth-scopes and checked per method. The default has
    // chat:write, channels:read, groups:read, channels:history and groups:history.
    void setScopes(const QStringList& scopes);
    void addChannel(const QString& id, const QString& name, bool isPrivate, bool botIsMember);
    void setBotMember(const QString& channelId, bool member);
    void setArchived(const QString& channelId, bool archived);
    // A message someone else posted in the channel (for history); returns its ts.
    QString addMessage(const QString& channelId, const QString& text,
                       const QJsonObject& metadata = {});

    // The next `times` calls of method ("chat.postMessage") answer ok:false with code;
    // "ratelimited" comes as HTTP 429 with Retry-After: retryAfterSeconds. Nothing happens.
    void failNext(const QString& method, const QString& code, int times = 1,
                  int retryAfterSeconds = 1);

    // Effects: messages chat.postMessage posted (in that channel, or in all).
    int messagesPosted(const QString& channelId = {}) const;
    // Every message of the channel, oldest first, as history shows it with all metadata.
    QList<QJsonObject> messages(const QString& channelId) const;

    QList<RecordedRequest> requests(const QString& method) const;

private:
    struct State;
    FakeResponse answer(const RecordedRequest& request);

    std::shared_ptr<State> m_state; // declared before the server, which stops first
    FakeHttpServer m_server;
};

} // namespace ReleaseDeck::Test
