#include "logging/Redactor.h"

#include <QTest>

using namespace ReleaseDeck;

class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void authorizationHeaders_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("leaked");
        QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer abcdef123456")
                                       << QStringLiteral("abcdef123456");
        QTest::newRow("basic header") << QStringLiteral("authorization: Basic dXNlcjpwYXNzd29yZA==")
                                      << QStringLiteral("dXNlcjpwYXNzd29yZA==");
        QTest::newRow("json header")
            << QStringLiteral(R"({"Authorization":"token ghx_secretvalue"})")
            << QStringLiteral("ghx_secretvalue");
        QTest::newRow("query token")
            << QStringLiteral("GET /api?private_token=glx-123456789&page=2")
            << QStringLiteral("glx-123456789");
        QTest::newRow("form token") << QStringLiteral("token=xoxb-not-real-0000&channel=C1")
                                    << QStringLiteral("xoxb-not-real-0000");
        QTest::newRow("upper-case header")
            << QStringLiteral("AUTHORIZATION: Bearer rdtest0123456789")
            << QStringLiteral("rdtest0123456789");
        QTest::newRow("mixed-case header")
            << QStringLiteral("aUtHoRiZaTiOn: token rdtest-mixed-case")
            << QStringLiteral("rdtest-mixed-case");
        QTest::newRow("header without scheme") << QStringLiteral("Authorization: rdtest-bare-value")
                                               << QStringLiteral("rdtest-bare-value");
        QTest::newRow("proxy header")
            << QStringLiteral("Proxy-Authorization: Basic cmR0ZXN0OnJkdGVzdA==")
            << QStringLiteral("cmR0ZXN0OnJkdGVzdA==");
        QTest::newRow("qdebug header pair")
            << QStringLiteral(R"(("Authorization", "token rdtest-qdebug-pair"))")
            << QStringLiteral("rdtest-qdebug-pair");
        QTest::newRow("qdebug header list")
            << QStringLiteral(
                   R"(QList(std::pair("Accept","application/json"), std::pair("authorization","Bearer rdtest-pair-list")))")
            << QStringLiteral("rdtest-pair-list");
        QTest::newRow("gitlab header") << QStringLiteral("PRIVATE-TOKEN: rdtest-gitlab-header")
                                       << QStringLiteral("rdtest-gitlab-header");
        QTest::newRow("form token first") << QStringLiteral("token=rdtest-form-first&channel=C1")
                                          << QStringLiteral("rdtest-form-first");
        QTest::newRow("form token later") << QStringLiteral("channel=C1&token=rdtest-form-later")
                                          << QStringLiteral("rdtest-form-later");
        QTest::newRow("form token upper")
            << QStringLiteral("TOKEN=rdtest-form-upper") << QStringLiteral("rdtest-form-upper");
        QTest::newRow("refresh token")
            << QStringLiteral("grant_type=refresh_token&refresh_token=rdtest-refresh")
            << QStringLiteral("rdtest-refresh");
        QTest::newRow("api key") << QStringLiteral("GET /api?api_key=rdtest-api-key-value")
                                 << QStringLiteral("rdtest-api-key-value");
        QTest::newRow("x-api-key header")
            << QStringLiteral("X-Api-Key: rdtest-x-api-key") << QStringLiteral("rdtest-x-api-key");
        QTest::newRow("json token field")
            << QStringLiteral(R"({"ok":false,"token": "rdtest-json-field"})")
            << QStringLiteral("rdtest-json-field");
        QTest::newRow("password field")
            << QStringLiteral(R"({"password": "hunter22"})") << QStringLiteral("hunter22");
    }

    void authorizationHeaders()
    {
        QFETCH(QString, input);
        QFETCH(QString, leaked);
        const QString output = redacted(input);
        QVERIFY2(!output.contains(leaked), qPrintable(output));
        QVERIFY2(output.contains(Redactor::placeholder()), qPrintable(output));
    }

    void keepsProviderWordsAfterATokenField()
    {
        const QString text =
            QStringLiteral("GitLab says the token has expired: invalid_token: Token is expired.");
        QCOMPARE(redacted(text), text);
    }

    void keepsOrdinaryText()
    {
        const QString text =
            QStringLiteral("Repository acme/app has 3 branches; pagination next=abc");
        QCOMPARE(redacted(text), text);
        // What the CLI prints about a connection names the key and the state, never the token.
        const QString json = QStringLiteral(
            R"({"tokenOnThisMachine": true, "tokenKey": "workspace-1/connection-1"})");
        QCOMPARE(redacted(json), json);
    }

    void registeredSecretIsRemovedAnywhere()
    {
        const QString secret = QStringLiteral("rd-test-7c1f0e2a9b");
        Redactor::instance().addSecret(secret);
        const QString output =
            redacted(QStringLiteral("Bad credentials for %1 (echo: '%1')").arg(secret));
        QVERIFY(!output.contains(secret));
        QCOMPARE(output.count(Redactor::placeholder()), 2);
    }

    void providerErrorBodyEchoingARegisteredTokenIsRedacted()
    {
        const QString token = QStringLiteral("rd-test-echo/token+42=");
        Redactor::instance().addSecret(token);
        const QString body =
            QStringLiteral(
                R"(HTTP 401 from 127.0.0.1: {"message":"Bad credentials: %1","documentation_url":null,)"
                R"("detail":"rd-test-echo\/token+42=","url":"/api?q=rd-test-echo%2Ftoken%2B42%3D"})")
                .arg(token);
        const QString output = redacted(body);
        QVERIFY2(!output.contains(QLatin1String("rd-test-echo")), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("Bad credentials")), qPrintable(output));
    }

    void registeredSecretIsTrimmedBeforeMatching()
    {
        Redactor::instance().addSecret(QStringLiteral("  rd-test-padded-other\n"));
        const QString output = redacted(QStringLiteral("saw rd-test-padded-other here"));
        QCOMPARE(output, QStringLiteral("saw [redacted] here"));
    }

    void shortStringsAreNotSecrets()
    {
        Redactor::instance().addSecret(QStringLiteral("abc"));
        QCOMPARE(redacted(QStringLiteral("abc def")), QStringLiteral("abc def"));
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
