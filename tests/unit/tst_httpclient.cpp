#include "FakeHttpServer.h"
#include "ResultText.h"
#include "TestCertificate.h"
#include "Version.h"
#include "logging/Redactor.h"
#include "net/HttpAuth.h"
#include "net/HttpClient.h"
#include "net/Pagination.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QTcpServer>
#include <QTest>
#include <QtConcurrent>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

HttpSettings fastSettings()
{
    HttpSettings settings;
    settings.connectTimeoutMs = 2000;
    settings.totalTimeoutMs = 2000;
    settings.initialBackoffMs = 20;
    settings.maxBackoffMs = 100;
    settings.maxRateLimitWaitMs = 5000;
    settings.retryBudgetMs = 10000;
    return settings;
}

HttpRequest getFrom(const FakeHttpServer& server, const QString& path)
{
    HttpRequest request = HttpRequest::get(server.url(path));
    request.service = QStringLiteral("GitHub");
    return request;
}

QMutex logMutex;
QStringList logLines;

void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    QMutexLocker lock(&logMutex);
    logLines << message;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void retriesAfter502ThenSucceeds()
    {
        FakeHttpServer server;
        server.onSequence("GET", "/flaky",
                          {FakeResponse::htmlPage(502), FakeResponse::json(200, "{\"ok\":true}")});
        const HttpClient http(fastSettings());
        auto response = http.send(getFrom(server, QStringLiteral("/flaky")));
        QVERIFY2(response.ok(), failureOf(response).constData());
        QCOMPARE(response->status, 200);
        QCOMPARE(response->jsonObject()->value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(server.requests("GET", QStringLiteral("/flaky")).size(), 2);
    }

    void givesUpAfterMaxAttemptsOfServerErrors()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/down"),
                  FakeResponse::json(503, "{\"message\":\"Service down for maintenance\"}"));
        HttpSettings settings = fastSettings();
        settings.maxAttempts = 3;
        const HttpClient http(settings);
        auto response = http.send(getFrom(server, QStringLiteral("/down")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::Transient);
        QCOMPARE(response.error().message,
                 QStringLiteral("GitHub failed with HTTP 503: Service down for maintenance."));
        QCOMPARE(server.requests().size(), 3);
    }

    void retryBudgetBoundsTheAttempts()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/down"), FakeResponse::htmlPage(503));
        HttpSettings settings = fastSettings();
        settings.maxAttempts = 10;
        settings.initialBackoffMs = 300;
        settings.maxBackoffMs = 5000;
        settings.retryBudgetMs = 700;
        QElapsedTimer timer;
        timer.start();
        auto response = HttpClient(settings).send(getFrom(server, QStringLiteral("/down")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::Transient);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(server.requests().size() >= 2);
        QVERIFY(server.requests().size() <= 3);
    }

    void requestsMarkedOnceAreNotRetried()
    {
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/chat.postMessage"), FakeResponse::htmlPage(502));
        HttpRequest request = HttpRequest::withJson(
            "POST", server.url(QStringLiteral("/chat.postMessage")), QJsonDocument(QJsonObject()));
        request.retry = false;
        auto response = HttpClient(fastSettings()).send(request);
        QVERIFY(!response.ok());
        QCOMPARE(server.requests().size(), 1);
    }

    void noRetryOnClientErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("401") << 401 << QByteArray(R"({"message":"Bad credentials"})")
                             << ErrorKind::Unauthorized
                             << QStringLiteral("GitHub refused the credentials: Bad credentials.");
        QTest::newRow("401 expired")
            << 401 << QByteArray(R"({"message":"Token expired"})") << ErrorKind::Expired
            << QStringLiteral("GitHub says the token has expired: Token expired.");
        QTest::newRow("403") << 403
                             << QByteArray(
                                    R"({"message":"Resource not accessible by integration"})")
                             << ErrorKind::Forbidden
                             << QStringLiteral("GitHub denied the request: Resource not "
                                               "accessible by integration.");
        QTest::newRow("404") << 404 << QByteArray(R"({"message":"Not Found"})")
                             << ErrorKind::NotFound
                             << QStringLiteral("GitHub found nothing at /thing: Not Found.");
        QTest::newRow("409") << 409 << QByteArray(R"({"message":"Git Repository is empty."})")
                             << ErrorKind::Conflict
                             << QStringLiteral("GitHub reported a conflict: Git Repository is "
                                               "empty.");
        QTest::newRow("422 errors")
            << 422
            << QByteArray(
                   R"({"message":"Validation Failed","errors":[{"resource":"Release","code":"already_exists","field":"tag_name"}]})")
            << ErrorKind::Validation
            << QStringLiteral("GitHub rejected the request (HTTP 422): Validation Failed "
                              "(Release tag_name already_exists).");
        QTest::newRow("400 plain text")
            << 400 << QByteArray("  bad\n  input  ") << ErrorKind::Validation
            << QStringLiteral("GitHub rejected the request (HTTP 400): bad input.");
    }

    void noRetryOnClientErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, message);
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/thing"), FakeResponse::json(status, body));
        const HttpClient http(fastSettings());
        auto response = http.send(getFrom(server, QStringLiteral("/thing")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, kind);
        QCOMPARE(response.error().message, message);
        QCOMPARE(server.requests().size(), 1);
    }

    void waitsForRetryAfterOn429()
    {
        FakeHttpServer server;
        FakeResponse limited = FakeResponse::json(429, "{\"message\":\"slow down\"}");
        limited.withHeader("Retry-After", "1");
        server.onSequence("GET", QStringLiteral("/busy"), {limited, FakeResponse::json(200, "{}")});
        const HttpClient http(fastSettings());
        QElapsedTimer timer;
        timer.start();
        auto response = http.send(getFrom(server, QStringLiteral("/busy")));
        QVERIFY2(response.ok(), failureOf(response).constData());
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(server.requests().size(), 2);
    }

    void retryAfterBeyondLimitIsRateLimited()
    {
        FakeHttpServer server;
        FakeResponse limited = FakeResponse::json(429, "{}");
        limited.withHeader("Retry-After", "600");
        server.on("GET", QStringLiteral("/busy"), limited);
        const HttpClient http(fastSettings());
        auto response = http.send(getFrom(server, QStringLiteral("/busy")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::RateLimited);
        QVERIFY(response.error().retryAt > QDateTime::currentDateTimeUtc().addSecs(500));
        QCOMPARE(server.requests().size(), 1);
    }

    void githubRateLimitResettingSoonIsWaitedOut()
    {
        FakeHttpServer server;
        const QDateTime reset = QDateTime::currentDateTimeUtc().addSecs(1);
        FakeResponse limited =
            FakeResponse::json(403, "{\"message\":\"API rate limit exceeded for user ID 1.\"}");
        limited.withHeader("x-ratelimit-remaining", "0")
            .withHeader("x-ratelimit-reset", QByteArray::number(reset.toSecsSinceEpoch()));
        server.onSequence("GET", QStringLiteral("/repos/o/r"),
                          {limited, FakeResponse::json(200, "{\"full_name\":\"o/r\"}")});
        const HttpClient http(fastSettings());
        auto response = http.send(getFrom(server, QStringLiteral("/repos/o/r")));
        QVERIFY2(response.ok(), failureOf(response).constData());
        QVERIFY(QDateTime::currentDateTimeUtc() >=
                QDateTime::fromSecsSinceEpoch(reset.toSecsSinceEpoch(), Qt::UTC));
        QCOMPARE(server.requests().size(), 2);
    }

    void githubRateLimitResettingLaterIsReported()
    {
        FakeHttpServer server;
        const QDateTime reset =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 3600, Qt::UTC);
        FakeResponse limited = FakeResponse::json(403, "{\"message\":\"API rate limit exceeded\"}");
        limited.withHeader("x-ratelimit-remaining", "0")
            .withHeader("x-ratelimit-reset", QByteArray::number(reset.toSecsSinceEpoch()));
        server.on("GET", QStringLiteral("/repos/o/r"), limited);
        const HttpClient http(fastSettings());
        auto response = http.send(getFrom(server, QStringLiteral("/repos/o/r")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::RateLimited);
        QCOMPARE(response.error().retryAt, reset);
        QCOMPARE(response.error().message,
                 QStringLiteral("GitHub rate limit reached; resets at %1 UTC.")
                     .arg(reset.toString(QStringLiteral("HH:mm"))));
        QCOMPARE(server.requests().size(), 1);
    }

    void slowAnswerTimesOut()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/slow"), FakeResponse::json(200, "{}").withDelay(3000));
        HttpSettings settings = fastSettings();
        settings.totalTimeoutMs = 300;
        settings.maxAttempts = 2;
        const HttpClient http(settings);
        QElapsedTimer timer;
        timer.start();
        auto response = http.send(getFrom(server, QStringLiteral("/slow")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::Transient);
        QCOMPARE(response.error().message, QStringLiteral("GitHub did not answer within 0.3 s."));
        QVERIFY(timer.elapsed() < 2500);
        QCOMPARE(server.requests().size(), 2);
    }

    void connectTimeoutDoesNotCutASlowAnswer()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/slowish"), FakeResponse::json(200, "{}").withDelay(800));
        HttpSettings settings = fastSettings();
        settings.connectTimeoutMs = 300;
        settings.totalTimeoutMs = 3000;
        settings.maxAttempts = 1;
        auto response = HttpClient(settings).send(getFrom(server, QStringLiteral("/slowish")));
        QVERIFY2(response.ok(), failureOf(response).constData());
    }

    void tlsHandshakeThatNeverEndsHitsTheConnectTimeout()
    {
        // The fake server speaks plain HTTP: a TLS client waits for a ServerHello forever.
        FakeHttpServer server;
        HttpSettings settings = fastSettings();
        settings.connectTimeoutMs = 300;
        settings.totalTimeoutMs = 5000;
        settings.maxAttempts = 1;
        QUrl url = server.url(QStringLiteral("/secure"));
        url.setScheme(QStringLiteral("https"));
        QElapsedTimer timer;
        timer.start();
        auto response = HttpClient(settings).send(HttpRequest::get(url));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::Transient);
        QCOMPARE(response.error().message,
                 QStringLiteral("Could not connect to 127.0.0.1 within 0.3 s."));
        QVERIFY(timer.elapsed() < 2000);
    }

    void selfSignedServerNeedsItsCaBundle()
    {
        const TestCertificate certificate;
        QVERIFY2(certificate.isValid(), qPrintable(certificate.error()));
        FakeHttpServer server(certificate.serverConfiguration());
        server.on("GET", QStringLiteral("/api/v3/meta"), FakeResponse::json(200, "{\"ok\":1}"));
        HttpSettings settings = fastSettings();
        settings.maxAttempts = 1;
        const HttpClient http(settings);
        HttpRequest request = HttpRequest::get(server.url(QStringLiteral("/api/v3/meta")));
        QCOMPARE(request.url.scheme(), QStringLiteral("https"));

        auto untrusted = http.send(request);
        QVERIFY(!untrusted.ok());
        QCOMPARE(untrusted.error().kind, ErrorKind::Unavailable);
        QVERIFY2(untrusted.error().message.startsWith(
                     QStringLiteral("The TLS certificate of 127.0.0.1 was not accepted")),
                 qPrintable(untrusted.error().message));
        QVERIFY(server.requests().isEmpty());

        // Another port: Qt keeps a host's TLS settings for the connections it pools.
        FakeHttpServer second(certificate.serverConfiguration());
        second.on("GET", QStringLiteral("/api/v3/meta"), FakeResponse::json(200, "{}"));
        request.url = second.url(QStringLiteral("/api/v3/meta"));
        request.caBundlePath = certificate.caBundlePath();
        auto trusted = http.send(request);
        QVERIFY2(trusted.ok(), failureOf(trusted).constData());
        QCOMPARE(second.requests().size(), 1);
    }

    void droppedConnectionIsTransient()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/drop"), FakeResponse::dropConnection());
        HttpSettings settings = fastSettings();
        settings.maxAttempts = 1;
        const HttpClient http(settings);
        auto response = http.send(getFrom(server, QStringLiteral("/drop")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::Transient);
        QVERIFY2(response.error().message.contains(QStringLiteral("127.0.0.1")),
                 qPrintable(response.error().message));
    }

    void droppedThenAnsweredIsRetried()
    {
        FakeHttpServer server;
        server.onSequence("GET", QStringLiteral("/drop"),
                          {FakeResponse::dropConnection(), FakeResponse::dropConnection(),
                           FakeResponse::json(200, "[]")});
        const HttpClient http(fastSettings());
        auto response = http.send(getFrom(server, QStringLiteral("/drop")));
        QVERIFY2(response.ok(), failureOf(response).constData());
        QVERIFY(server.requests().size() >= 3);
    }

    void refusedConnectionIsTransient()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        HttpSettings settings = fastSettings();
        settings.maxAttempts = 2;
        const HttpClient http(settings);
        auto response = http.send(
            HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(closedPort))));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::Transient);
        QCOMPARE(response.error().message,
                 QStringLiteral("Could not reach 127.0.0.1: the connection was refused."));
    }

    void malformedJsonIsAClearError()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/broken"), FakeResponse::malformedJson());
        const HttpClient http(fastSettings());
        auto response = http.send(getFrom(server, QStringLiteral("/broken")));
        QVERIFY(response.ok());
        auto object = response->jsonObject();
        QVERIFY(!object.ok());
        QCOMPARE(object.error().message,
                 QStringLiteral("GitHub sent malformed JSON that Release Deck could not read "
                                "(/broken)."));
    }

    void htmlErrorPageIsNotQuoted()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/gateway"), FakeResponse::htmlPage(502));
        HttpSettings settings = fastSettings();
        settings.maxAttempts = 1;
        const HttpClient http(settings);
        auto response = http.send(getFrom(server, QStringLiteral("/gateway")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::Transient);
        QCOMPARE(response.error().message,
                 QStringLiteral("GitHub failed: HTTP 502 from 127.0.0.1."));
    }

    void followsLinkHeaderPages()
    {
        FakeHttpServer server;
        const QUrl base = server.url(QStringLiteral("/items"));
        server.onRequest("GET", QStringLiteral("/items"), [base](const RecordedRequest& request) {
            const int page = qMax(1, request.query.queryItemValue(QStringLiteral("page")).toInt());
            FakeResponse response =
                FakeResponse::json(200, QJsonDocument(QJsonArray{page * 10, page * 10 + 1}));
            if (page < 3) {
                QByteArray link =
                    "<" + base.toEncoded() + "?per_page=2&page=" + QByteArray::number(page + 1) +
                    ">; rel=\"next\", <" + base.toEncoded() + "?per_page=2&page=3>; rel=\"last\"";
                response.withHeader("Link", link);
            }
            return response;
        });
        const HttpClient http(fastSettings());
        HttpRequest first = getFrom(server, QStringLiteral("/items"));
        first.url.setQuery(QStringLiteral("per_page=2"));
        auto items = Pagination::collectLinked(http, first);
        QVERIFY2(items.ok(), failureOf(items).constData());
        QCOMPARE(*items, (QJsonArray{10, 11, 20, 21, 30, 31}));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        QCOMPARE(requests[2].query.queryItemValue(QStringLiteral("page")), QStringLiteral("3"));
    }

    void paginationStopsAtThePageCap()
    {
        FakeHttpServer server;
        const QUrl next = server.url(QStringLiteral("/endless"));
        server.on("GET", QStringLiteral("/endless"),
                  FakeResponse::json(200, "[1]")
                      .withHeader("Link", "<" + next.toEncoded() + ">; rel=\"next\""));
        HttpSettings settings = fastSettings();
        settings.maxPages = 3;
        const HttpClient http(settings);
        auto items = Pagination::collectLinked(http, getFrom(server, QStringLiteral("/endless")));
        QVERIFY(!items.ok());
        QCOMPARE(items.error().message,
                 QStringLiteral("GitHub returned more than 3 pages; Release Deck stopped reading "
                                "the list."));
        QCOMPARE(server.requests().size(), 3);
    }

    void paginationNeverFollowsToAnotherHost()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/list"),
                  FakeResponse::json(200, "[1]")
                      .withHeader("Link", "<http://elsewhere.invalid/list?page=2>; rel=\"next\""));
        const HttpClient http(fastSettings());
        auto items = Pagination::collectLinked(http, getFrom(server, QStringLiteral("/list")));
        QVERIFY(!items.ok());
        QVERIFY(items.error().message.contains(QStringLiteral("elsewhere.invalid")));
        QCOMPARE(server.requests().size(), 1);
    }

    void cursorPagination()
    {
        FakeHttpServer server;
        server.onRequest(
            "GET", QStringLiteral("/conversations.list"), [](const RecordedRequest& request) {
                const QString cursor = request.query.queryItemValue(QStringLiteral("cursor"));
                QJsonObject body{
                    {QStringLiteral("channels"), QJsonArray{cursor.isEmpty() ? 1 : 2}}};
                body.insert(QStringLiteral("next_cursor"),
                            cursor.isEmpty() ? QStringLiteral("abc") : QString());
                return FakeResponse::json(200, QJsonDocument(body));
            });
        const HttpClient http(fastSettings());
        auto items = Pagination::collect(
            http, getFrom(server, QStringLiteral("/conversations.list")),
            [](const HttpRequest& sent, const HttpResponse& response) -> Result<Pagination::Page> {
                auto body = response.jsonObject();
                if (!body)
                    return body.error();
                Pagination::Page page{body->value(QStringLiteral("channels")).toArray(), {}};
                const QString cursor = body->value(QStringLiteral("next_cursor")).toString();
                if (!cursor.isEmpty()) {
                    HttpRequest next = sent;
                    QUrlQuery query(next.url);
                    query.addQueryItem(QStringLiteral("cursor"), cursor);
                    next.url.setQuery(query);
                    page.next = next;
                }
                return page;
            });
        QVERIFY2(items.ok(), failureOf(items).constData());
        QCOMPARE(*items, (QJsonArray{1, 2}));
        QCOMPARE(server.requests()[1].query.queryItemValue(QStringLiteral("cursor")),
                 QStringLiteral("abc"));
    }

    void sendsUserAgentAuthAndJsonBody()
    {
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/things"), FakeResponse::json(201, "{\"id\":7}"));
        const HttpClient http(fastSettings());
        HttpRequest request = HttpRequest::withJson(
            "POST", server.url(QStringLiteral("/things")),
            QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}));
        HttpAuth::bearer(QStringLiteral("fake-token-for-tests")).applyTo(request);
        auto response = http.send(request);
        QVERIFY(response.ok());
        const RecordedRequest recorded = server.requests().constFirst();
        QCOMPARE(recorded.header("user-agent"), userAgent().toUtf8());
        QCOMPARE(recorded.header("user-agent"), QByteArray("ReleaseDeck/") + version().toUtf8());
        QCOMPARE(recorded.header("authorization"), QByteArray("Bearer fake-token-for-tests"));
        QCOMPARE(recorded.header("content-type"), QByteArray("application/json"));
        QCOMPARE(recorded.json().object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("x"));
    }

    void authSchemes()
    {
        HttpRequest request;
        HttpAuth::basic(QStringLiteral("ana@example.test"), QStringLiteral("fake-api-token"))
            .applyTo(request);
        QCOMPARE(request.header("Authorization"),
                 "Basic " + QByteArray("ana@example.test:fake-api-token").toBase64());
        HttpAuth::header("PRIVATE-TOKEN", QStringLiteral("fake-gitlab-token")).applyTo(request);
        QCOMPARE(request.header("private-token"), QByteArray("fake-gitlab-token"));
    }

    void secretsNeverReachErrorsOrLogs()
    {
        FakeHttpServer server;
        const QString token = QStringLiteral("fake-secret-value-12345");
        server.on("GET", QStringLiteral("/echo"),
                  FakeResponse::json(401, QJsonDocument(QJsonObject{
                                              {QStringLiteral("message"),
                                               QString(QStringLiteral("bad token ") + token)}})));
        server.on("GET", QStringLiteral("/fail"),
                  FakeResponse::json(500, QByteArray("{\"message\":\"oops\"}")));
        QLoggingCategory::setFilterRules(QStringLiteral("releasedeck.net.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        const HttpClient http(fastSettings());

        HttpRequest echo = getFrom(server, QStringLiteral("/echo"));
        HttpAuth::bearer(token).applyTo(echo);
        auto refused = http.send(echo);

        HttpRequest withQueryToken = getFrom(server, QStringLiteral("/fail"));
        withQueryToken.url.setQuery(QStringLiteral("access_token=other-query-secret&x=1"));
        HttpSettings once = fastSettings();
        once.maxAttempts = 2;
        auto failed = HttpClient(once).send(withQueryToken);

        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QStringLiteral("releasedeck.net.debug=false"));

        QVERIFY(!refused.ok());
        QVERIFY(!failed.ok());
        QVERIFY(!refused.error().message.contains(token));
        QVERIFY(refused.error().message.contains(Redactor::placeholder()));
        QVERIFY(!failed.error().message.contains(QStringLiteral("other-query-secret")));
        QMutexLocker lock(&logMutex);
        QVERIFY(!logLines.isEmpty());
        QVERIFY(logLines.filter(QStringLiteral("GET http://127.0.0.1")).size() >= 2);
        QVERIFY(logLines.filter(QStringLiteral(" -> 401 (")).size() == 1);
        for (const QString& line : std::as_const(logLines)) {
            QVERIFY2(!line.contains(token), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("other-query-secret")), qPrintable(line));
        }
    }

    void worksFromAWorkerThread()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/ping"), FakeResponse::json(200, "{\"pong\":1}"));
        const HttpClient http(fastSettings());
        const HttpRequest request = getFrom(server, QStringLiteral("/ping"));
        QFuture<int> status = QtConcurrent::run([&http, request] {
            auto response = http.send(request);
            return response ? response->status : -1;
        });
        QCOMPARE(status.result(), 200);
    }

    void unreadableCaBundleIsAUsageError()
    {
        HttpRequest request =
            HttpRequest::get(QUrl(QStringLiteral("https://127.0.0.1:1/api/v3/repos/o/r")));
        request.caBundlePath = QStringLiteral("/nonexistent/ca.pem");
        auto response = HttpClient(fastSettings()).send(request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::Usage);
        QVERIFY(response.error().message.contains(QStringLiteral("/nonexistent/ca.pem")));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
