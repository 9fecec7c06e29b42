#include "SlackChatClient.h"

#include "ProviderConfig.h"

namespace ReleaseDeck {

namespace {

const QString Service = QStringLiteral("Slack");
const QString MarkerEventType = QStringLiteral("release_deck");
// findMessage reads at most this many pages of this many messages.
constexpr int HistoryPages = 5;
constexpr int HistoryPageSize = 200;
// Messages this long before `since` still count: Slack's clock and ours differ.
constexpr qint64 ClockMarginSeconds = 120;

// A time as Slack's "ts": seconds since the epoch with six decimals.
QString slackTimestamp(const QDateTime& time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    return QStringLiteral("%1.%2").arg(ms / 1000).arg((ms % 1000) * 1000, 6, 10, QLatin1Char('0'));
}

bool hasMarker(const QJsonObject& message, const QString& marker)
{
    const QJsonObject metadata = message.value(QStringLiteral("metadata")).toObject();
    return metadata.value(QStringLiteral("event_type")).toString() == MarkerEventType &&
           metadata.value(QStringLiteral("event_payload"))
                   .toObject()
                   .value(QStringLiteral("key"))
                   .toString() == marker;
}

ChatChannel channelFrom(const QJsonObject& json)
{
    return {json.value(QStringLiteral("id")).toString(),
            json.value(QStringLiteral("name")).toString(),
            json.value(QStringLiteral("is_private")).toBool(),
            json.value(QStringLiteral("is_archived")).toBool(),
            json.value(QStringLiteral("is_member")).toBool()};
}

QString channelLabel(const ChatChannel& channel)
{
    return channel.name.isEmpty() ? channel.id : QLatin1Char('#') + channel.name;
}

} // namespace

QList<ProviderField> SlackTarget::fields()
{
    return {ProviderField(QStringLiteral("apiUrl"), FieldKind::Url,
                          QT_TRANSLATE_NOOP("ProviderField", "API address"),
                          QT_TRANSLATE_NOOP("ProviderField", "the Slack API address"))
                .optional()
                .example(QT_TRANSLATE_NOOP("ProviderField", "https://slack.com/api when empty"))
                .value(QStringLiteral("URL"))
                .commandLineOnly(),
            ProviderField(QStringLiteral("channel"), FieldKind::SlackChannel,
                          QT_TRANSLATE_NOOP("ProviderField", "Channel"),
                          QT_TRANSLATE_NOOP("ProviderField", "the Slack channel"))
                .neededBeforeSaving()
                .picked(FieldChoices::Channels)
                .value(QStringLiteral("ID"))};
}

Result<SlackTarget> SlackTarget::fromConfig(const QJsonObject& config)
{
    if (Status checked = ProviderField::checkConfig(fields(), config, false); !checked)
        return checked.error();
    SlackTarget target;
    target.apiUrl = ProviderConfig::url(config, QStringLiteral("apiUrl"),
                                        QUrl(QStringLiteral("https://slack.com/api")));
    target.channelId = ProviderConfig::text(config, QStringLiteral("channel"));
    return target;
}

SlackChatClient::SlackChatClient(const SlackTarget& target, const QString& token,
                                 const HttpClient& http)
    : m_target(target)
    , m_api(target.apiUrl, HttpAuth::bearer(token), Service, http)
{}

ProviderInfo SlackChatClient::provider()
{
    ProviderInfo info;
    info.id = QStringLiteral("slack");
    info.category = ConnectionCategory::Chat;
    info.displayName = QString::fromUtf8(QT_TRANSLATE_NOOP("ProviderRegistry", "Slack"));
    info.fields = SlackTarget::fields();
    info.createChat = [](const Connection& connection, const QString& token, const HttpClient& http,
                         Database*) -> std::unique_ptr<ChatClient> {
        return std::make_unique<SlackChatClient>(SlackTarget::fromConfig(connection.config).value(),
                                                 token, http);
    };
    return info;
}

Error SlackChatClient::errorFor(const QString& code, const QString& needed,
                                const QString& channel) const
{
    const QString where = channel.isEmpty() ? QStringLiteral("the channel") : channel;
    const QString bot =
        m_botName.isEmpty() ? QStringLiteral("the app's bot") : QLatin1Char('@') + m_botName;
    if (code == QLatin1String("invalid_auth") || code == QLatin1String("not_authed") ||
        code == QLatin1String("account_inactive") || code == QLatin1String("token_revoked") ||
        code == QLatin1String("not_allowed_token_type"))
        return {ErrorKind::Unauthorized,
                QStringLiteral("Slack refused the bot token (%1); install the app again and use "
                               "its Bot User OAuth Token.")
                    .arg(code),
                {}};
    if (code == QLatin1String("token_expired"))
        return {ErrorKind::Expired,
                QStringLiteral("Slack says the bot token has expired (token_expired); refresh or "
                               "reinstall the app."),
                {}};
    if (code == QLatin1String("missing_scope"))
        return Error::forbidden(
            QStringLiteral("The Slack app lacks the %1 scope; add it under OAuth & Permissions "
                           "and reinstall the app.")
                .arg(needed.isEmpty() ? QStringLiteral("required") : needed));
    if (code == QLatin1String("not_in_channel"))
        return Error::forbidden(
            QStringLiteral("The bot is not in %1; invite it with /invite %2.").arg(where, bot));
    if (code == QLatin1String("channel_not_found"))
        return Error::notFound(QStringLiteral("Slack has no channel %1 that the bot can see; check "
                                              "the channel ID, or invite the bot if the channel "
                                              "is private.")
                                   .arg(where));
    if (code == QLatin1String("is_archived"))
        return {
            ErrorKind::Validation,
            QStringLiteral("The Slack channel %1 is archived; choose another channel.").arg(where),
            {}};
    if (code == QLatin1String("ratelimited"))
        return {ErrorKind::RateLimited,
                QStringLiteral("Slack rate limit reached; try again in a minute."),
                {}};
    if (code == QLatin1String("fatal_error") || code == QLatin1String("internal_error") ||
        code == QLatin1String("service_unavailable") || code == QLatin1String("request_timeout"))
        return {ErrorKind::Transient, QStringLiteral("Slack failed (%1).").arg(code), {}};
    return {ErrorKind::Validation, QStringLiteral("Slack refused the request (%1).").arg(code), {}};
}

Result<QJsonObject> SlackChatClient::checked(const HttpResponse& response,
                                             const QString& channel) const
{
    auto object = response.jsonObject();
    if (!object)
        return object.error();
    if (object->value(QStringLiteral("ok")).toBool())
        return *object;
    return errorFor(object->value(QStringLiteral("error")).toString(),
                    object->value(QStringLiteral("needed")).toString(), channel);
}

Result<QJsonObject> SlackChatClient::call(const HttpRequest& request, const QString& channel) const
{
    auto response = m_api.send(request);
    if (!response)
        return response.error();
    return checked(*response, channel);
}

Result<ChatIdentity> SlackChatClient::authTest()
{
    auto response = m_api.send(m_api.form("POST", QStringLiteral("/auth.test"), {}));
    if (!response)
        return response.error();
    auto json = checked(*response, {});
    if (!json)
        return json.error();
    m_scopes.clear();
    for (const QByteArray& scope : response->header("x-oauth-scopes").split(','))
        if (!scope.trimmed().isEmpty())
            m_scopes << QString::fromLatin1(scope.trimmed());
    m_botName = json->value(QStringLiteral("user")).toString();
    return ChatIdentity{json->value(QStringLiteral("user_id")).toString(), m_botName,
                        json->value(QStringLiteral("team_id")).toString(),
                        json->value(QStringLiteral("team")).toString(),
                        json->value(QStringLiteral("bot_id")).toString()};
}

Result<QList<ChatChannel>> SlackChatClient::listChannels()
{
    const auto readPage = [this](const HttpRequest& sent,
                                 const HttpResponse& response) -> Result<Pagination::Page> {
        auto json = checked(response, {});
        if (!json)
            return json.error();
        Pagination::Page page{json->value(QStringLiteral("channels")).toArray(), std::nullopt};
        const QString cursor = json->value(QStringLiteral("response_metadata"))
                                   .toObject()
                                   .value(QStringLiteral("next_cursor"))
                                   .toString();
        if (!cursor.isEmpty()) {
            QUrlQuery query(sent.url);
            query.removeAllQueryItems(QStringLiteral("cursor"));
            query.addQueryItem(QStringLiteral("cursor"), cursor);
            HttpRequest next = sent;
            next.url = m_api.url(QStringLiteral("/conversations.list"), query);
            page.next = next;
        }
        return page;
    };
    auto items = m_api.collect(
        m_api.get(
            QStringLiteral("/conversations.list"),
            QUrlQuery{{QStringLiteral("types"), QStringLiteral("public_channel,private_channel")},
                      {QStringLiteral("exclude_archived"), QStringLiteral("true")},
                      {QStringLiteral("limit"), QStringLiteral("200")}}),
        readPage);
    if (!items)
        return items.error();
    QList<ChatChannel> channels;
    for (const QJsonValue& item : std::as_const(*items))
        channels.append(channelFrom(item.toObject()));
    return channels;
}

Result<ChatChannel> SlackChatClient::channelInfo(const QString& channelId)
{
    auto json = call(m_api.get(QStringLiteral("/conversations.info"),
                               QUrlQuery{{QStringLiteral("channel"), channelId}}),
                     channelId);
    if (!json)
        return json.error();
    return channelFrom(json->value(QStringLiteral("channel")).toObject());
}

Result<ChatMessage> SlackChatClient::postMessage(const QString& channelId, const QString& text,
                                                 const QJsonArray& blocks, const QString& marker)
{
    QJsonObject body{{QStringLiteral("channel"), channelId}, {QStringLiteral("text"), text}};
    if (!blocks.isEmpty())
        body.insert(QStringLiteral("blocks"), blocks);
    if (!marker.isEmpty())
        body.insert(QStringLiteral("metadata"),
                    QJsonObject{{QStringLiteral("event_type"), MarkerEventType},
                                {QStringLiteral("event_payload"),
                                 QJsonObject{{QStringLiteral("key"), marker}}}});
    HttpRequest request = m_api.json("POST", QStringLiteral("/chat.postMessage"), body);
    request.setHeader("Content-Type", "application/json; charset=utf-8");
    // A message sent twice is posted twice.
    request.retry = false;
    auto json = call(request, channelId);
    if (!json)
        return json.error();
    return ChatMessage{json->value(QStringLiteral("channel")).toString(),
                       json->value(QStringLiteral("ts")).toString()};
}

Result<std::optional<ChatMessage>> SlackChatClient::findMessage(const QString& channelId,
                                                                const QString& marker,
                                                                const QDateTime& since)
{
    QUrlQuery query{{QStringLiteral("channel"), channelId},
                    {QStringLiteral("oldest"), slackTimestamp(since.addSecs(-ClockMarginSeconds))},
                    {QStringLiteral("include_all_metadata"), QStringLiteral("true")},
                    {QStringLiteral("limit"), QString::number(HistoryPageSize)}};
    for (int page = 0; page < HistoryPages; ++page) {
        auto json = call(m_api.get(QStringLiteral("/conversations.history"), query), channelId);
        if (!json)
            return json.error();
        for (const QJsonValue& item : json->value(QStringLiteral("messages")).toArray()) {
            const QJsonObject message = item.toObject();
            if (hasMarker(message, marker))
                return std::optional<ChatMessage>(
                    ChatMessage{channelId, message.value(QStringLiteral("ts")).toString()});
        }
        const QString cursor = json->value(QStringLiteral("response_metadata"))
                                   .toObject()
                                   .value(QStringLiteral("next_cursor"))
                                   .toString();
        if (cursor.isEmpty())
            return std::optional<ChatMessage>();
        query.removeAllQueryItems(QStringLiteral("cursor"));
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    }
    // Saying "not posted" without having looked would post it twice.
    return Error{ErrorKind::Validation,
                 QStringLiteral("Slack has more than %1 messages in %2 since %3 UTC; Release Deck "
                                "cannot tell whether it already posted there.")
                     .arg(HistoryPages * HistoryPageSize)
                     .arg(channelId, since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                 {}};
}

Result<VerificationReport> SlackChatClient::verify()
{
    auto identity = authTest();
    if (!identity)
        return identity.error();
    if (m_target.channelId.isEmpty()) {
        VerificationReport report;
        report.summary = QStringLiteral("Signed in as @%1 on %2; choose a channel to post in.")
                             .arg(identity->userName, identity->teamName);
        report.details = {{QStringLiteral("team"), identity->teamName},
                          {QStringLiteral("teamId"), identity->teamId},
                          {QStringLiteral("bot"), identity->userName}};
        return report;
    }
    auto channel = channelInfo(m_target.channelId);
    if (!channel)
        return channel.error();
    const QString label = channelLabel(*channel);
    if (channel->isArchived)
        return errorFor(QStringLiteral("is_archived"), {}, label);
    const bool canPostPublicly =
        !channel->isPrivate && m_scopes.contains(QStringLiteral("chat:write.public"));
    if (!channel->isMember && !canPostPublicly)
        return errorFor(QStringLiteral("not_in_channel"), {}, label);
    VerificationReport report;
    report.summary = QStringLiteral("@%1 can post in %2 on %3.")
                         .arg(identity->userName, label, identity->teamName);
    report.details = {{QStringLiteral("team"), identity->teamName},
                      {QStringLiteral("teamId"), identity->teamId},
                      {QStringLiteral("bot"), identity->userName},
                      {QStringLiteral("channel"), label},
                      {QStringLiteral("channelId"), channel->id},
                      {QStringLiteral("member"), channel->isMember}};
    return report;
}

} // namespace ReleaseDeck
