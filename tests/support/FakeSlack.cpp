#include "FakeSlack.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QUrlQuery>

namespace ReleaseDeck::Test {

namespace {

struct Channel
{
    QString id;
    QString name;
    bool isPrivate = false;
    bool member = true;
    bool archived = false;
    QList<QJsonObject> messages; // oldest first
};

struct Failure
{
    QString code;
    int remaining = 0;
    int retryAfterSeconds = 1;
};

FakeResponse ok(QJsonObject body)
{
    body.insert(QStringLiteral("ok"), true);
    return FakeResponse::json(200, QJsonDocument(body));
}

FakeResponse slackError(const QString& code, const QString& needed = {})
{
    QJsonObject body{{QStringLiteral("ok"), false}, {QStringLiteral("error"), code}};
    if (!needed.isEmpty())
        body.insert(QStringLiteral("needed"), needed);
    return FakeResponse::json(200, QJsonDocument(body));
}

// A Slack "ts" as microseconds since the epoch.
qint64 micros(const QString& ts)
{
    const QString fraction = ts.section(QLatin1Char('.'), 1, 1).leftJustified(6, QLatin1Char('0'));
    return ts.section(QLatin1Char('.'), 0, 0).toLongLong() * 1000000 +
           fraction.left(6).toLongLong();
}

QString tsOf(qint64 micros)
{
    return QStringLiteral("%1.%2")
        .arg(micros / 1000000)
        .arg(micros % 1000000, 6, 10, QLatin1Char('0'));
}

QString cursorAt(qsizetype offset)
{
    return QString::fromLatin1(QByteArray("offset:" + QByteArray::number(offset)).toBase64());
}

qsizetype offsetOf(const QString& cursor)
{
    return QByteArray::fromBase64(cursor.toLatin1()).mid(7).toLongLong();
}

// Slack takes arguments in the query, a form body or a JSON body.
QJsonObject argumentsOf(const RecordedRequest& request)
{
    QJsonObject arguments = request.json().object();
    QUrlQuery form(QString::fromUtf8(request.body));
    const QList<QPair<QString, QString>> fields =
        request.header("content-type").startsWith("application/x-www-form-urlencoded")
            ? form.queryItems(QUrl::FullyDecoded)
            : QList<QPair<QString, QString>>();
    for (const auto& [name, value] : fields)
        arguments.insert(name, value);
    for (const auto& [name, value] : request.query.queryItems(QUrl::FullyDecoded))
        arguments.insert(name, value);
    return arguments;
}

QJsonObject channelJson(const Channel& channel)
{
    return {{QStringLiteral("id"), channel.id},
            {QStringLiteral("name"), channel.name},
            {QStringLiteral("is_channel"), !channel.isPrivate},
            {QStringLiteral("is_group"), channel.isPrivate},
            {QStringLiteral("is_private"), channel.isPrivate},
            {QStringLiteral("is_member"), channel.member},
            {QStringLiteral("is_archived"), channel.archived}};
}

} // namespace

struct FakeSlack::State
{
    QMutex mutex;
    QString token;
    QStringList scopes{QStringLiteral("chat:write"), QStringLiteral("channels:read"),
                       QStringLiteral("groups:read"), QStringLiteral("channels:history"),
                       QStringLiteral("groups:history")};
    QList<Channel> channels;
    QHash<QString, QList<Failure>> failures; // method → pending failures
    QHash<QString, int> posted;              // channel → messages posted
    qint64 lastTs = 0;

    Channel* find(const QString& id)
    {
        for (Channel& channel : channels) {
            if (channel.id == id)
                return &channel;
        }
        return nullptr;
    }

    // A channel the bot can see: a private one only when it is in it.
    Channel* visible(const QString& id)
    {
        Channel* channel = find(id);
        return channel && (!channel->isPrivate || channel->member) ? channel : nullptr;
    }

    QString nextTs()
    {
        lastTs = std::max(lastTs + 1, QDateTime::currentMSecsSinceEpoch() * 1000);
        return tsOf(lastTs);
    }

    FakeResponse postMessage(const QJsonObject& arguments);
    FakeResponse history(const QJsonObject& arguments);
    FakeResponse list(const QJsonObject& arguments);
};

FakeResponse FakeSlack::State::postMessage(const QJsonObject& arguments)
{
    if (!scopes.contains(QStringLiteral("chat:write")))
        return slackError(QStringLiteral("missing_scope"), QStringLiteral("chat:write"));
    Channel* channel = visible(arguments.value(QStringLiteral("channel")).toString());
    if (!channel)
        return slackError(QStringLiteral("channel_not_found"));
    if (channel->archived)
        return slackError(QStringLiteral("is_archived"));
    const bool postsPublicly =
        !channel->isPrivate && scopes.contains(QStringLiteral("chat:write.public"));
    if (!channel->member && !postsPublicly)
        return slackError(QStringLiteral("not_in_channel"));
    const QString text = arguments.value(QStringLiteral("text")).toString();
    QJsonValue blocks = arguments.value(QStringLiteral("blocks"));
    if (blocks.isString())
        blocks = QJsonDocument::fromJson(blocks.toString().toUtf8()).array();
    if (text.isEmpty() && blocks.toArray().isEmpty())
        return slackError(QStringLiteral("no_text"));
    QJsonValue metadata = arguments.value(QStringLiteral("metadata"));
    if (metadata.isString())
        metadata = QJsonDocument::fromJson(metadata.toString().toUtf8()).object();
    QJsonObject message{{QStringLiteral("type"), QStringLiteral("message")},
                        {QStringLiteral("ts"), nextTs()},
                        {QStringLiteral("text"), text},
                        {QStringLiteral("user"), FakeSlack::botUserId()},
                        {QStringLiteral("bot_id"), QStringLiteral("B0BOT")},
                        {QStringLiteral("app_id"), QStringLiteral("A0RELEASEDECK")}};
    if (!blocks.toArray().isEmpty())
        message.insert(QStringLiteral("blocks"), blocks);
    if (!metadata.toObject().isEmpty())
        message.insert(QStringLiteral("metadata"), metadata);
    channel->messages.append(message);
    ++posted[channel->id];
    return ok({{QStringLiteral("channel"), channel->id},
               {QStringLiteral("ts"), message.value(QStringLiteral("ts"))},
               {QStringLiteral("message"), message}});
}

FakeResponse FakeSlack::State::history(const QJsonObject& arguments)
{
    Channel* channel = visible(arguments.value(QStringLiteral("channel")).toString());
    if (!channel)
        return slackError(QStringLiteral("channel_not_found"));
    const QString scope =
        channel->isPrivate ? QStringLiteral("groups:history") : QStringLiteral("channels:history");
    if (!scopes.contains(scope))
        return slackError(QStringLiteral("missing_scope"), scope);
    if (!channel->member)
        return slackError(QStringLiteral("not_in_channel"));
    const auto flag = [&arguments](const char* name) {
        const QString value = arguments.value(QString::fromLatin1(name)).toVariant().toString();
        return value == QLatin1String("true") || value == QLatin1String("1");
    };
    const bool inclusive = flag("inclusive");
    const QString oldest = arguments.value(QStringLiteral("oldest")).toString();
    const QString latest = arguments.value(QStringLiteral("latest")).toString();
    QList<QJsonObject> matching;
    for (qsizetype i = channel->messages.size() - 1; i >= 0; --i) { // newest first
        QJsonObject message = channel->messages[i];
        const qint64 at = micros(message.value(QStringLiteral("ts")).toString());
        if (!oldest.isEmpty() && (inclusive ? at < micros(oldest) : at <= micros(oldest)))
            continue;
        if (!latest.isEmpty() && (inclusive ? at > micros(latest) : at >= micros(latest)))
            continue;
        if (!flag("include_all_metadata"))
            message.remove(QStringLiteral("metadata"));
        matching.append(message);
    }
    const int limit =
        std::clamp(arguments.value(QStringLiteral("limit")).toVariant().toInt(), 1, 999);
    const int pageSize = arguments.contains(QStringLiteral("limit")) ? limit : 100;
    const qsizetype start = offsetOf(arguments.value(QStringLiteral("cursor")).toString());
    QJsonArray page;
    for (qsizetype i = start; i < matching.size() && i < start + pageSize; ++i)
        page.append(matching[i]);
    const bool more = start + pageSize < matching.size();
    return ok({{QStringLiteral("messages"), page},
               {QStringLiteral("has_more"), more},
               {QStringLiteral("pin_count"), 0},
               {QStringLiteral("response_metadata"),
                QJsonObject{{QStringLiteral("next_cursor"),
                             more ? cursorAt(start + pageSize) : QString()}}}});
}

FakeResponse FakeSlack::State::list(const QJsonObject& arguments)
{
    if (!scopes.contains(QStringLiteral("channels:read")))
        return slackError(QStringLiteral("missing_scope"), QStringLiteral("channels:read"));
    const QString types = arguments.value(QStringLiteral("types")).toString();
    const bool excludeArchived =
        arguments.value(QStringLiteral("exclude_archived")).toVariant().toString() ==
        QLatin1String("true");
    QJsonArray all;
    for (const Channel& channel : std::as_const(channels)) {
        const bool typeWanted =
            types.isEmpty() ? !channel.isPrivate
                            : types.contains(channel.isPrivate ? QStringLiteral("private_channel")
                                                               : QStringLiteral("public_channel"));
        if (typeWanted && !(excludeArchived && channel.archived) &&
            (!channel.isPrivate || channel.member))
            all.append(channelJson(channel));
    }
    const int pageSize =
        arguments.contains(QStringLiteral("limit"))
            ? std::clamp(arguments.value(QStringLiteral("limit")).toVariant().toInt(), 1, 1000)
            : 100;
    const qsizetype start = offsetOf(arguments.value(QStringLiteral("cursor")).toString());
    QJsonArray page;
    for (qsizetype i = start; i < all.size() && i < start + pageSize; ++i)
        page.append(all[i]);
    const bool more = start + pageSize < all.size();
    return ok({{QStringLiteral("channels"), page},
               {QStringLiteral("response_metadata"),
                QJsonObject{{QStringLiteral("next_cursor"),
                             more ? cursorAt(start + pageSize) : QString()}}}});
}

FakeSlack::FakeSlack()
    : m_state(std::make_shared<State>())
{
    addChannel(channel(), QStringLiteral("releases"), false, true);
    for (const QByteArray& method : {QByteArray("GET"), QByteArray("POST")})
        m_server.onRequest(method, QStringLiteral("/api/*"),
                           [this](const RecordedRequest& request) { return answer(request); });
}

QJsonObject FakeSlack::config() const
{
    return {{QStringLiteral("apiUrl"), apiUrl().toString()},
            {QStringLiteral("channel"), channel()}};
}

void FakeSlack::setToken(const QString& token)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->token = token;
}

void FakeSlack::setScopes(const QStringList& scopes)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->scopes = scopes;
}

void FakeSlack::addChannel(const QString& id, const QString& name, bool isPrivate, bool botIsMember)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->channels.append({id, name, isPrivate, botIsMember, false, {}});
}

void FakeSlack::setBotMember(const QString& channelId, bool member)
{
    QMutexLocker lock(&m_state->mutex);
    if (Channel* channel = m_state->find(channelId))
        channel->member = member;
}

void FakeSlack::setArchived(const QString& channelId, bool archived)
{
    QMutexLocker lock(&m_state->mutex);
    if (Channel* channel = m_state->find(channelId))
        channel->archived = archived;
}

QString FakeSlack::addMessage(const QString& channelId, const QString& text,
                              const QJsonObject& metadata)
{
    QMutexLocker lock(&m_state->mutex);
    Channel* channel = m_state->find(channelId);
    if (!channel)
        return {};
    QJsonObject message{{QStringLiteral("type"), QStringLiteral("message")},
                        {QStringLiteral("ts"), m_state->nextTs()},
                        {QStringLiteral("text"), text},
                        {QStringLiteral("user"), QStringLiteral("U0SOMEONE")}};
    if (!metadata.isEmpty())
        message.insert(QStringLiteral("metadata"), metadata);
    channel->messages.append(message);
    return message.value(QStringLiteral("ts")).toString();
}

void FakeSlack::failNext(const QString& method, const QString& code, int times,
                         int retryAfterSeconds)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->failures[method].append({code, times, retryAfterSeconds});
}

int FakeSlack::messagesPosted(const QString& channelId) const
{
    QMutexLocker lock(&m_state->mutex);
    if (!channelId.isEmpty())
        return m_state->posted.value(channelId);
    int all = 0;
    for (int count : std::as_const(m_state->posted))
        all += count;
    return all;
}

QList<QJsonObject> FakeSlack::messages(const QString& channelId) const
{
    QMutexLocker lock(&m_state->mutex);
    const Channel* channel = m_state->find(channelId);
    return channel ? channel->messages : QList<QJsonObject>();
}

QList<RecordedRequest> FakeSlack::requests(const QString& method) const
{
    QList<RecordedRequest> matching = m_server.requests();
    matching.removeIf([&method](const RecordedRequest& request) {
        return request.path != QStringLiteral("/api/") + method;
    });
    return matching;
}

FakeResponse FakeSlack::answer(const RecordedRequest& request)
{
    QMutexLocker lock(&m_state->mutex);
    State& state = *m_state;
    const QString method = request.path.mid(5); // "/api/"
    QList<Failure>& failures = state.failures[method];
    if (!failures.isEmpty()) {
        const Failure failure = failures.first();
        if (--failures.first().remaining <= 0)
            failures.removeFirst();
        if (failure.code == QLatin1String("ratelimited"))
            return FakeResponse::tooManyRequests(failure.retryAfterSeconds,
                                                 R"({"ok":false,"error":"ratelimited"})");
        return slackError(failure.code);
    }
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return slackError(QStringLiteral("not_authed"));
    if (!state.token.isEmpty() && authorization != "Bearer " + state.token.toUtf8())
        return slackError(QStringLiteral("invalid_auth"));
    const QJsonObject arguments = argumentsOf(request);
    if (method == QLatin1String("auth.test"))
        return ok({{QStringLiteral("url"), QStringLiteral("https://acme.slack.example.test/")},
                   {QStringLiteral("team"), QStringLiteral("Acme")},
                   {QStringLiteral("team_id"), QStringLiteral("T0ACME")},
                   {QStringLiteral("user"), QStringLiteral("releasebot")},
                   {QStringLiteral("user_id"), botUserId()},
                   {QStringLiteral("bot_id"), QStringLiteral("B0BOT")}})
            .withHeader("x-oauth-scopes", state.scopes.join(QLatin1Char(',')).toLatin1());
    if (method == QLatin1String("chat.postMessage"))
        return state.postMessage(arguments);
    if (method == QLatin1String("conversations.history"))
        return state.history(arguments);
    if (method == QLatin1String("conversations.list"))
        return state.list(arguments);
    if (method == QLatin1String("conversations.info")) {
        const Channel* channel =
            state.visible(arguments.value(QStringLiteral("channel")).toString());
        if (!channel)
            return slackError(QStringLiteral("channel_not_found"));
        const QString scope =
            channel->isPrivate ? QStringLiteral("groups:read") : QStringLiteral("channels:read");
        if (!state.scopes.contains(scope))
            return slackError(QStringLiteral("missing_scope"), scope);
        return ok({{QStringLiteral("channel"), channelJson(*channel)}});
    }
    return slackError(QStringLiteral("unknown_method"));
}

} // namespace ReleaseDeck::Test
