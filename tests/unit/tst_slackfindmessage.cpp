#include "FakeSlack.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/SlackChatClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("slack-test-token-not-real");
const QString Marker = QStringLiteral("rd-42-KICKOFF_MESSAGE");

SlackChatClient clientOf(const FakeSlack& slack, const HttpClient& http)
{
    return SlackChatClient(SlackTarget::fromConfig(slack.config()).value(), Token, http);
}

QJsonObject markerMetadata(const QString& eventType, const QString& key)
{
    return {{QStringLiteral("event_type"), eventType},
            {QStringLiteral("event_payload"), QJsonObject{{QStringLiteral("key"), key}}}};
}

} // namespace

// Slack messages posted once per marker and recognised again after a crash.
class TestSlackFindMessage : public QObject
{
    Q_OBJECT

private slots:
    void postCarriesTheMarkerAsMetadata()
    {
        FakeSlack slack;
        slack.setToken(Token);
        const HttpClient http(fastSettings());
        auto posted =
            clientOf(slack, http)
                .postMessage(FakeSlack::channel(), QStringLiteral("1.4.0 kicked off"), {}, Marker);
        QVERIFY2(posted.ok(), failureOf(posted).constData());
        QCOMPARE(posted->channelId, FakeSlack::channel());
        const auto requests = slack.requests(QStringLiteral("chat.postMessage"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].json().object(),
                 (QJsonObject{{QStringLiteral("channel"), FakeSlack::channel()},
                              {QStringLiteral("text"), QStringLiteral("1.4.0 kicked off")},
                              {QStringLiteral("metadata"),
                               markerMetadata(QStringLiteral("release_deck"), Marker)}}));
        QCOMPARE(slack.messagesPosted(), 1);
        QCOMPARE(slack.messages(FakeSlack::channel()).constFirst().value(QStringLiteral("ts")),
                 posted->timestamp);
    }

    void findMessageAfterACrash()
    {
        FakeSlack slack;
        slack.setToken(Token);
        const HttpClient http(fastSettings());
        const QDateTime since = QDateTime::currentDateTimeUtc();
        slack.addMessage(FakeSlack::channel(), QStringLiteral("lunch?"));
        auto posted =
            clientOf(slack, http)
                .postMessage(FakeSlack::channel(), QStringLiteral("1.4.0 kicked off"), {}, Marker);
        QVERIFY2(posted.ok(), failureOf(posted).constData());
        // Same key from another app, and our event type with another key.
        slack.addMessage(FakeSlack::channel(), QStringLiteral("other app"),
                         markerMetadata(QStringLiteral("deploy_bot"), Marker));
        slack.addMessage(FakeSlack::channel(), QStringLiteral("cycle 2"),
                         markerMetadata(QStringLiteral("release_deck"), Marker + QLatin1Char('2')));
        slack.server().clearRequests();

        auto found = clientOf(slack, http).findMessage(FakeSlack::channel(), Marker, since);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(found->has_value());
        QCOMPARE((*found)->timestamp, posted->timestamp);
        QCOMPARE((*found)->channelId, FakeSlack::channel());

        const auto requests = slack.requests(QStringLiteral("conversations.history"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].method, QByteArray("GET"));
        QCOMPARE(requests[0].header("authorization"), "Bearer " + Token.toUtf8());
        const QUrlQuery& query = requests[0].query;
        QCOMPARE(query.queryItemValue(QStringLiteral("channel")), FakeSlack::channel());
        QCOMPARE(query.queryItemValue(QStringLiteral("include_all_metadata")),
                 QStringLiteral("true"));
        QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("200"));
        // Slack's clock and ours differ: two minutes before since, as a Slack ts.
        const qint64 oldest = since.addSecs(-120).toMSecsSinceEpoch();
        QCOMPARE(query.queryItemValue(QStringLiteral("oldest")),
                 QStringLiteral("%1.%2")
                     .arg(oldest / 1000)
                     .arg((oldest % 1000) * 1000, 6, 10, QLatin1Char('0')));
        QCOMPARE(slack.messagesPosted(), 1);
    }

    void neverPostedIsNone()
    {
        FakeSlack slack;
        const HttpClient http(fastSettings());
        const QDateTime since = QDateTime::currentDateTimeUtc();
        slack.addMessage(FakeSlack::channel(), QStringLiteral("cycle 2"),
                         markerMetadata(QStringLiteral("release_deck"), QStringLiteral("other")));
        auto found = clientOf(slack, http).findMessage(FakeSlack::channel(), Marker, since);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(!found->has_value());
    }

    // The marked message is the oldest of 450 since: the third page holds it.
    void findMessageFollowsTheCursor()
    {
        FakeSlack slack;
        const HttpClient http(fastSettings());
        SlackChatClient client = clientOf(slack, http);
        const QDateTime since = QDateTime::currentDateTimeUtc();
        QVERIFY(
            client.postMessage(FakeSlack::channel(), QStringLiteral("kick-off"), {}, Marker).ok());
        for (int i = 0; i < 450; ++i)
            slack.addMessage(FakeSlack::channel(), QStringLiteral("chatter %1").arg(i));
        slack.server().clearRequests();
        auto found = client.findMessage(FakeSlack::channel(), Marker, since);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(found->has_value());
        const auto requests = slack.requests(QStringLiteral("conversations.history"));
        QCOMPARE(requests.size(), 3);
        QVERIFY(!requests[0].query.hasQueryItem(QStringLiteral("cursor")));
        QVERIFY(!requests[2].query.queryItemValue(QStringLiteral("cursor")).isEmpty());
        QCOMPARE(requests[2].query.queryItemValue(QStringLiteral("include_all_metadata")),
                 QStringLiteral("true"));
    }

    // Saying "not posted" after looking at only part of the history would post twice.
    void tooMuchHistoryIsAnError()
    {
        FakeSlack slack;
        const HttpClient http(fastSettings());
        SlackChatClient client = clientOf(slack, http);
        const QDateTime since = QDateTime::currentDateTimeUtc();
        QVERIFY(
            client.postMessage(FakeSlack::channel(), QStringLiteral("kick-off"), {}, Marker).ok());
        for (int i = 0; i < 1001; ++i)
            slack.addMessage(FakeSlack::channel(), QStringLiteral("chatter %1").arg(i));
        auto found = client.findMessage(FakeSlack::channel(), Marker, since);
        QVERIFY(!found.ok());
        QCOMPARE(found.error().kind, ErrorKind::Validation);
        QVERIFY2(found.error().message.startsWith(
                     QStringLiteral("Slack has more than 1000 messages in C0RELEASES since ")),
                 qPrintable(found.error().message));
        QCOMPARE(slack.requests(QStringLiteral("conversations.history")).size(), 5);
    }

    void historyNeedsItsScope_data()
    {
        QTest::addColumn<bool>("isPrivate");
        QTest::addColumn<QString>("scope");
        QTest::newRow("public") << false << QStringLiteral("channels:history");
        QTest::newRow("private") << true << QStringLiteral("groups:history");
    }

    void historyNeedsItsScope()
    {
        QFETCH(bool, isPrivate);
        QFETCH(QString, scope);
        FakeSlack slack;
        slack.addChannel(QStringLiteral("G0PRIVATE"), QStringLiteral("mobile-team"), true, true);
        slack.setScopes({QStringLiteral("chat:write"), QStringLiteral("channels:read"),
                         QStringLiteral("groups:read")});
        const HttpClient http(fastSettings());
        auto found =
            clientOf(slack, http)
                .findMessage(isPrivate ? QStringLiteral("G0PRIVATE") : FakeSlack::channel(), Marker,
                             QDateTime::currentDateTimeUtc());
        QVERIFY(!found.ok());
        QCOMPARE(found.error().kind, ErrorKind::Forbidden);
        QCOMPARE(found.error().message,
                 QStringLiteral("The Slack app lacks the %1 scope; add it under OAuth & "
                                "Permissions and reinstall the app.")
                     .arg(scope));
    }

    void historyOutsideTheChannelIsForbidden()
    {
        FakeSlack slack;
        slack.setBotMember(FakeSlack::channel(), false);
        const HttpClient http(fastSettings());
        auto found =
            clientOf(slack, http)
                .findMessage(FakeSlack::channel(), Marker, QDateTime::currentDateTimeUtc());
        QCOMPARE(found.error().kind, ErrorKind::Forbidden);
        QCOMPARE(found.error().message,
                 QStringLiteral("The bot is not in C0RELEASES; invite it with /invite the app's "
                                "bot."));
    }

    // A rate-limited history read is waited out (Retry-After) and asked again.
    void rateLimitedHistoryIsAskedAgain()
    {
        FakeSlack slack;
        HttpSettings settings = fastSettings();
        settings.maxRateLimitWaitMs = 2000;
        const HttpClient http(settings);
        SlackChatClient client = clientOf(slack, http);
        const QDateTime since = QDateTime::currentDateTimeUtc();
        QVERIFY(
            client.postMessage(FakeSlack::channel(), QStringLiteral("kick-off"), {}, Marker).ok());
        slack.failNext(QStringLiteral("conversations.history"), QStringLiteral("ratelimited"), 1,
                       1);
        QElapsedTimer clock;
        clock.start();
        auto found = client.findMessage(FakeSlack::channel(), Marker, since);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(found->has_value());
        QVERIFY(clock.elapsed() >= 900);
        QCOMPARE(slack.requests(QStringLiteral("conversations.history")).size(), 2);
    }

    // A post whose answer came too late still happened: the marker finds it, so the task
    // does not post it again.
    void lateAnswerOfAPostIsFoundByItsMarker()
    {
        FakeSlack slack;
        slack.server().delayNext("POST", QStringLiteral("/api/chat.postMessage"), 2500);
        const HttpClient http(fastSettings());
        SlackChatClient client = clientOf(slack, http);
        const QDateTime since = QDateTime::currentDateTimeUtc();
        auto posted =
            client.postMessage(FakeSlack::channel(), QStringLiteral("kick-off"), {}, Marker);
        QCOMPARE(posted.error().kind, ErrorKind::Transient);
        QCOMPARE(slack.messagesPosted(), 1);
        auto found = client.findMessage(FakeSlack::channel(), Marker, since);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(found->has_value());
        QCOMPARE(slack.requests(QStringLiteral("chat.postMessage")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSlackFindMessage)
#include "tst_slackfindmessage.moc"
