#include "ClockText.h"
#include "FakeHttpServer.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/ConnectionVerifier.h"
#include "providers/ProviderRegistry.h"
#include "providers/SlackChatClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("slack-test-token-not-real");
const QString Channel = QStringLiteral("C0RELEASES");

QJsonObject configOf(const FakeHttpServer& server)
{
    return {{QStringLiteral("channel"), Channel},
            {QStringLiteral("apiUrl"), server.url("/api").toString()}};
}

SlackTarget targetOf(const FakeHttpServer& server)
{
    return SlackTarget::fromConfig(configOf(server)).value();
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

FakeResponse slackError(const QString& code, const QString& needed = {})
{
    QJsonObject body{{QStringLiteral("ok"), false}, {QStringLiteral("error"), code}};
    if (!needed.isEmpty())
        body.insert(QStringLiteral("needed"), needed);
    return FakeResponse::json(200, compact(body));
}

FakeResponse authOk(const QByteArray& scopes = "chat:write,channels:read,groups:read")
{
    return FakeResponse::json(200, compact({{QStringLiteral("ok"), true},
                                            {QStringLiteral("team"), QStringLiteral("Acme")},
                                            {QStringLiteral("team_id"), QStringLiteral("T0ACME")},
                                            {QStringLiteral("user"), QStringLiteral("releasebot")},
                                            {QStringLiteral("user_id"), QStringLiteral("U0BOT")},
                                            {QStringLiteral("bot_id"), QStringLiteral("B0BOT")}}))
        .withHeader("x-oauth-scopes", scopes);
}

QJsonObject channelJson(const QString& id, const QString& name, bool member, bool isPrivate = false)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("is_member"), member},
            {QStringLiteral("is_private"), isPrivate},
            {QStringLiteral("is_archived"), false}};
}

FakeResponse channelInfo(bool member, bool isPrivate = false)
{
    return FakeResponse::json(
        200, compact({{QStringLiteral("ok"), true},
                      {QStringLiteral("channel"),
                       channelJson(Channel, QStringLiteral("releases"), member, isPrivate)}}));
}

} // namespace

class TestSlackChatClient : public QObject
{
    Q_OBJECT

private slots:
    void authTestPostsWithBearerToken()
    {
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/api/auth.test"), authOk());
        const HttpClient http(fastSettings());
        SlackChatClient client(targetOf(server), Token, http);
        auto identity = client.authTest();
        QVERIFY2(identity.ok(), failureOf(identity).constData());
        QCOMPARE(identity->userName, QStringLiteral("releasebot"));
        QCOMPARE(identity->teamName, QStringLiteral("Acme"));
        QCOMPARE(identity->botId, QStringLiteral("B0BOT"));
        const RecordedRequest request = server.requests()[0];
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("authorization"), "Bearer " + Token.toUtf8());
        QCOMPARE(request.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(request.body.isEmpty());
    }

    void listChannelsFollowsCursor()
    {
        FakeHttpServer server;
        server.onRequest(
            "GET", QStringLiteral("/api/conversations.list"), [](const RecordedRequest& request) {
                if (request.query.queryItemValue(QStringLiteral("cursor")).isEmpty())
                    return FakeResponse::json(
                        200,
                        compact(
                            {{QStringLiteral("ok"), true},
                             {QStringLiteral("channels"),
                              QJsonArray{channelJson(Channel, QStringLiteral("releases"), true)}},
                             {QStringLiteral("response_metadata"),
                              QJsonObject{{QStringLiteral("next_cursor"),
                                           QStringLiteral("dGVhbTpD+/=")}}}}));
                return FakeResponse::json(
                    200, compact({{QStringLiteral("ok"), true},
                                  {QStringLiteral("channels"),
                                   QJsonArray{channelJson(QStringLiteral("G0SECRET"),
                                                          QStringLiteral("core"), false, true)}},
                                  {QStringLiteral("response_metadata"),
                                   QJsonObject{{QStringLiteral("next_cursor"), QString()}}}}));
            });
        const HttpClient http(fastSettings());
        SlackChatClient client(targetOf(server), Token, http);
        auto channels = client.listChannels();
        QVERIFY2(channels.ok(), failureOf(channels).constData());
        QCOMPARE(channels->size(), 2);
        QCOMPARE(channels->at(0).name, QStringLiteral("releases"));
        QVERIFY(channels->at(0).isMember);
        QVERIFY(channels->at(1).isPrivate);
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("types"), QUrl::FullyDecoded),
                 QStringLiteral("public_channel,private_channel"));
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("exclude_archived")),
                 QStringLiteral("true"));
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("limit")), QStringLiteral("200"));
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded),
                 QStringLiteral("dGVhbTpD+/="));
        QVERIFY(requests[1].target.contains("cursor=dGVhbTpD%2B%2F%3D"));
        QCOMPARE(requests[1].header("authorization"), "Bearer " + Token.toUtf8());
    }

    void channelInfoAsksForTheChannel()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/api/conversations.info"), channelInfo(true));
        const HttpClient http(fastSettings());
        SlackChatClient client(targetOf(server), Token, http);
        auto channel = client.channelInfo(Channel);
        QVERIFY2(channel.ok(), failureOf(channel).constData());
        QCOMPARE(channel->name, QStringLiteral("releases"));
        QVERIFY(channel->isMember);
        QCOMPARE(server.requests()[0].query.queryItemValue(QStringLiteral("channel")), Channel);
    }

    void postMessageSendsTextAndBlocks()
    {
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/api/chat.postMessage"),
                  FakeResponse::json(
                      200, compact({{QStringLiteral("ok"), true},
                                    {QStringLiteral("channel"), Channel},
                                    {QStringLiteral("ts"), QStringLiteral("1700000000.000100")}})));
        const HttpClient http(fastSettings());
        SlackChatClient client(targetOf(server), Token, http);
        const QJsonArray blocks{QJsonObject{
            {QStringLiteral("type"), QStringLiteral("section")},
            {QStringLiteral("text"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                         {QStringLiteral("text"), QStringLiteral("*1.4.0* kicked off")}}}}};
        auto message = client.postMessage(Channel, QStringLiteral("1.4.0 kicked off"), blocks, {});
        QVERIFY2(message.ok(), failureOf(message).constData());
        QCOMPARE(message->timestamp, QStringLiteral("1700000000.000100"));
        const RecordedRequest request = server.requests()[0];
        QCOMPARE(request.header("content-type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(request.json().object(),
                 (QJsonObject{{QStringLiteral("channel"), Channel},
                              {QStringLiteral("text"), QStringLiteral("1.4.0 kicked off")},
                              {QStringLiteral("blocks"), blocks}}));
    }

    void postMessageIsNeverSentTwice()
    {
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/api/chat.postMessage"),
                  FakeResponse::json(
                      429, compact({{QStringLiteral("ok"), false},
                                    {QStringLiteral("error"), QStringLiteral("ratelimited")}}))
                      .withHeader("Retry-After", "1"));
        const HttpClient http(fastSettings());
        SlackChatClient client(targetOf(server), Token, http);
        auto message = client.postMessage(Channel, QStringLiteral("hello"), {}, {});
        QCOMPARE(message.error().kind, ErrorKind::RateLimited);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(!server.requests()[0].json().object().contains(QStringLiteral("blocks")));
    }

    void okFalseBecomesErrors_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("needed");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("message");
        const QString refused = QStringLiteral("Slack refused the bot token (%1); install the app "
                                               "again and use its Bot User OAuth Token.");
        for (const char* code : {"invalid_auth", "not_authed", "account_inactive", "token_revoked"})
            QTest::newRow(code) << QString::fromLatin1(code) << QString() << ErrorKind::Unauthorized
                                << refused.arg(QString::fromLatin1(code));
        QTest::newRow("token_expired")
            << QStringLiteral("token_expired") << QString() << ErrorKind::Expired
            << QStringLiteral("Slack says the bot token has expired (token_expired); refresh or "
                              "reinstall the app.");
        QTest::newRow("missing_scope")
            << QStringLiteral("missing_scope") << QStringLiteral("chat:write")
            << ErrorKind::Forbidden
            << QStringLiteral("The Slack app lacks the chat:write scope; add it under OAuth & "
                              "Permissions and reinstall the app.");
        QTest::newRow("not_in_channel")
            << QStringLiteral("not_in_channel") << QString() << ErrorKind::Forbidden
            << QStringLiteral(
                   "The bot is not in C0RELEASES; invite it with /invite the app's bot.");
        QTest::newRow("channel_not_found")
            << QStringLiteral("channel_not_found") << QString() << ErrorKind::NotFound
            << QStringLiteral("Slack has no channel C0RELEASES that the bot can see; check the "
                              "channel ID, or invite the bot if the channel is private.");
        QTest::newRow("is_archived")
            << QStringLiteral("is_archived") << QString() << ErrorKind::Validation
            << QStringLiteral("The Slack channel C0RELEASES is archived; "
                              "choose another channel.");
        QTest::newRow("unknown") << QStringLiteral("msg_too_long") << QString()
                                 << ErrorKind::Validation
                                 << QStringLiteral("Slack refused the request (msg_too_long).");
    }

    void okFalseBecomesErrors()
    {
        QFETCH(QString, code);
        QFETCH(QString, needed);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, message);
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/api/chat.postMessage"), slackError(code, needed));
        const HttpClient http(fastSettings());
        SlackChatClient client(targetOf(server), Token, http);
        auto posted = client.postMessage(Channel, QStringLiteral("hello"), {}, {});
        QVERIFY(!posted.ok());
        QCOMPARE(posted.error().kind, kind);
        QCOMPARE(posted.error().message, message);
    }

    // The wizard verifies the token before people pick a channel from the real list.
    void draftWithoutChannelChecksTheCredentialsOnly()
    {
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/api/auth.test"), authOk());
        Connection draft;
        draft.category = ConnectionCategory::Chat;
        draft.provider = QStringLiteral("slack");
        draft.config = {{QStringLiteral("apiUrl"), server.url("/api").toString()}};

        const ProviderRegistry& registry = ProviderRegistry::builtIn();
        const Status saved = registry.validateConfig(draft.provider, draft.config);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().message, QStringLiteral("Pick the Slack channel."));

        const HttpClient http(fastSettings());
        const auto report = registry.verify(draft, Token, http);
        QVERIFY2(report.ok(), failureOf(report).constData());
        QCOMPARE(report->details.value(QStringLiteral("bot")).toString(),
                 QStringLiteral("releasebot"));
        QVERIFY(!report->details.contains(QStringLiteral("channelId")));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().constFirst().path, QStringLiteral("/api/auth.test"));
        QCOMPARE(server.requests().constFirst().header("authorization"),
                 QByteArray("Bearer ") + Token.toUtf8());
    }

    void verifyOutcomes_data()
    {
        QTest::addColumn<FakeResponse>("auth");
        QTest::addColumn<FakeResponse>("info");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<VerificationStatus>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("member") << authOk() << channelInfo(true) << true << ErrorKind::Internal
                                << VerificationStatus::Valid
                                << QStringLiteral("@releasebot can post in #releases on Acme.");
        QTest::newRow("public with chat:write.public")
            << authOk("chat:write,chat:write.public,channels:read") << channelInfo(false) << true
            << ErrorKind::Internal << VerificationStatus::Valid
            << QStringLiteral("@releasebot can post in #releases on Acme.");
        QTest::newRow("not a member")
            << authOk() << channelInfo(false) << false << ErrorKind::Forbidden
            << VerificationStatus::Invalid
            << QStringLiteral("The bot is not in #releases; invite it with /invite @releasebot.");
        QTest::newRow("private, not a member")
            << authOk("chat:write,chat:write.public") << channelInfo(false, true) << false
            << ErrorKind::Forbidden << VerificationStatus::Invalid
            << QStringLiteral("The bot is not in #releases; invite it with /invite @releasebot.");
        QTest::newRow("channel missing")
            << authOk() << slackError(QStringLiteral("channel_not_found")) << false
            << ErrorKind::NotFound << VerificationStatus::Invalid
            << QStringLiteral("Slack has no channel C0RELEASES that the bot can see; check the "
                              "channel ID, or invite the bot if the channel is private.");
        QTest::newRow("missing scope")
            << authOk()
            << slackError(QStringLiteral("missing_scope"), QStringLiteral("channels:read")) << false
            << ErrorKind::Forbidden << VerificationStatus::Invalid
            << QStringLiteral("The Slack app lacks the channels:read scope; add it under OAuth & "
                              "Permissions and reinstall the app.");
        QTest::newRow("invalid_auth")
            << slackError(QStringLiteral("invalid_auth")) << channelInfo(true) << false
            << ErrorKind::Unauthorized << VerificationStatus::Invalid
            << QStringLiteral("Slack refused the bot token (invalid_auth); install the app again "
                              "and use its Bot User OAuth Token.");
        QTest::newRow("token_expired")
            << slackError(QStringLiteral("token_expired")) << channelInfo(true) << false
            << ErrorKind::Expired << VerificationStatus::Expired
            << QStringLiteral("Slack says the bot token has expired (token_expired); refresh or "
                              "reinstall the app.");
        QTest::newRow("malformed answer")
            << FakeResponse::malformedJson(200) << channelInfo(true) << false
            << ErrorKind::Transient << VerificationStatus::Valid
            << QStringLiteral("Slack sent malformed JSON that Release Deck could not read "
                              "(/api/auth.test).");
        QTest::newRow("server error") << FakeResponse::htmlPage(503) << channelInfo(true) << false
                                      << ErrorKind::Transient << VerificationStatus::Valid
                                      << QStringLiteral("Slack failed: HTTP 503 from 127.0.0.1.");
        QTest::newRow("rate limited")
            << FakeResponse::json(
                   429, compact({{QStringLiteral("ok"), false},
                                 {QStringLiteral("error"), QStringLiteral("ratelimited")}}))
                   .withHeader("Retry-After", "3600")
            << channelInfo(true) << false << ErrorKind::RateLimited << VerificationStatus::Valid
            << QString();
    }

    void verifyOutcomes()
    {
        QFETCH(FakeResponse, auth);
        QFETCH(FakeResponse, info);
        QFETCH(bool, valid);
        QFETCH(ErrorKind, kind);
        QFETCH(VerificationStatus, status);
        QFETCH(QString, message);
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/api/auth.test"), auth);
        server.on("GET", QStringLiteral("/api/conversations.info"), info);
        const HttpClient http(fastSettings());
        SlackChatClient client(targetOf(server), Token, http);
        auto report = client.verify();
        QCOMPARE(report.ok(), valid);
        if (valid) {
            QCOMPARE(report->summary, message);
        } else {
            QCOMPARE(report.error().kind, kind);
            if (!message.isEmpty())
                QCOMPARE(report.error().message, message);
        }

        // The same answers through the ConnectionVerifier, from a previously VALID connection.
        Connection connection;
        connection.id = 7;
        connection.category = ConnectionCategory::Chat;
        connection.provider = QStringLiteral("slack");
        connection.config = configOf(server);
        connection.status = VerificationStatus::Valid;
        connection.lastVerifiedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
        const ConnectionVerifier verifier(ProviderRegistry::builtIn(), fastSettings());
        const VerificationOutcome outcome = verifier.verify(connection, Token);
        QCOMPARE(outcome.status, status);
        QCOMPARE(outcome.conclusive,
                 kind != ErrorKind::Transient && kind != ErrorKind::RateLimited);
        if (valid) {
            QVERIFY(outcome.error.isEmpty());
            QVERIFY(outcome.lastVerifiedAt > connection.lastVerifiedAt);
        } else {
            QCOMPARE(withoutClockTimes(outcome.error), withoutClockTimes(report.error().message));
        }
        if (!outcome.conclusive)
            QCOMPARE(outcome.lastVerifiedAt, connection.lastVerifiedAt);
    }

    void configValidation_data()
    {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing channel")
            << QJsonObject{} << QStringLiteral("Pick the Slack channel.");
        QTest::newRow("channel name")
            << QJsonObject{{QStringLiteral("channel"), QStringLiteral("#releases")}}
            << QStringLiteral("Use the Slack channel's ID (like C0123ABCD) instead of its name "
                              "#releases; Slack shows the ID at the bottom of the channel's "
                              "details.");
        QTest::newRow("not an id")
            << QJsonObject{{QStringLiteral("channel"), QStringLiteral("rel eases")}}
            << QStringLiteral("The Slack channel is not a channel ID like C0123ABCD.");
        QTest::newRow("plain http")
            << QJsonObject{{QStringLiteral("channel"), Channel},
                           {QStringLiteral("apiUrl"),
                            QStringLiteral("http://slack.example.test/api")}}
            << QStringLiteral("Use https:// for the Slack API address; plain http:// is only "
                              "allowed for this computer.");
    }

    void configValidation()
    {
        QFETCH(QJsonObject, config);
        QFETCH(QString, message);
        const Status status =
            ProviderRegistry::builtIn().validateConfig(QStringLiteral("slack"), config);
        QCOMPARE(status.error().kind, ErrorKind::Usage);
        QCOMPARE(status.error().message, message);
    }

    void defaultsToSlackDotCom()
    {
        auto target = SlackTarget::fromConfig({{QStringLiteral("channel"), Channel}});
        QVERIFY2(target.ok(), failureOf(target).constData());
        QCOMPARE(target->apiUrl.toString(), QStringLiteral("https://slack.com/api"));
    }
};

QTEST_GUILESS_MAIN(TestSlackChatClient)
#include "tst_slackchatclient.moc"
