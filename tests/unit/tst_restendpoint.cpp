#include "FakeHttpServer.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/RestEndpoint.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QByteArray Expiry = "x-token-expiry";

RestEndpoint::ExpiryReader expiryFrom(const QByteArray& header)
{
    return [header](const HttpResponse& response) -> std::optional<QDateTime> {
        const QByteArray value = response.header(header);
        if (value.isEmpty())
            return std::nullopt;
        return QDateTime::fromString(QString::fromLatin1(value), Qt::ISODate);
    };
}

// "Forge" on the fake server, reading the token's expiry from the Expiry header.
RestEndpoint forgeOn(const FakeHttpServer& server, const HttpClient& http)
{
    RestEndpoint api(server.url("/api"), HttpAuth::bearer(QStringLiteral("fake-token")),
                     QStringLiteral("Forge"), http);
    api.readTokenExpiry(expiryFrom(Expiry));
    return api;
}

} // namespace

// The one request wrapper every provider client uses: default and provider headers, the
// token's expiry read from each answer, and pages fetched through the same checks.
class TestRestEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void providerHeadersReplaceTheDefaults()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/api/thing"), FakeResponse::json(200, "{}"));
        const HttpClient http(fastSettings());
        RestEndpoint api = forgeOn(server, http);
        api.setHeader("Accept", "application/vnd.forge+json");
        api.setHeader("X-Forge-Version", "7");
        QVERIFY2(api.send(api.get(QStringLiteral("/thing"))).ok(), "GET /api/thing failed");
        const RecordedRequest sent = server.requests().constFirst();
        QCOMPARE(sent.header("accept"), QByteArray("application/vnd.forge+json"));
        QCOMPARE(sent.header("x-forge-version"), QByteArray("7"));
        QCOMPARE(sent.header("authorization"), QByteArray("Bearer fake-token"));
    }

    void anExpiredTokenFailsWhateverTheStatus()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/api/thing"),
                  FakeResponse::json(200, "{}").withHeader(Expiry, "2020-05-01T10:30:00Z"));
        const HttpClient http(fastSettings());
        const RestEndpoint api = forgeOn(server, http);
        auto answer = api.send(api.get(QStringLiteral("/thing")));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Expired);
        QCOMPARE(answer.error().message,
                 QStringLiteral("Forge says the token expired on 2020-05-01 10:30 UTC; create a "
                                "new token."));
    }

    void aFutureExpiryIsKeptAndErrorsStillMap()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/api/missing"),
                  FakeResponse::json(404, R"({"message":"Not Found"})")
                      .withHeader(Expiry, "2099-01-01T00:00:00Z"));
        const HttpClient http(fastSettings());
        const RestEndpoint api = forgeOn(server, http);
        QVERIFY(!api.tokenExpiresAt().has_value());
        auto answer = api.send(api.get(QStringLiteral("/missing")));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::NotFound);
        QCOMPARE(api.tokenExpiresAt(), QDateTime(QDate(2099, 1, 1), QTime(0, 0), Qt::UTC));
    }

    void everyPageGoesThroughTheExpiryCheck()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/api/items"),
                  FakeResponse::json(200, "[1]")
                      .withHeader("Link",
                                  "<" + server.url("/api/items2").toEncoded() + ">; rel=\"next\""));
        server.on("GET", QStringLiteral("/api/items2"),
                  FakeResponse::json(200, "[2]").withHeader(Expiry, "2020-01-01T00:00:00Z"));
        const HttpClient http(fastSettings());
        const RestEndpoint api = forgeOn(server, http);
        auto items = api.collect(api.get(QStringLiteral("/items")), Pagination::linkedItems());
        QVERIFY(!items.ok());
        QCOMPARE(items.error().kind, ErrorKind::Expired);
        QCOMPARE(server.requests().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRestEndpoint)
#include "tst_restendpoint.moc"
