#include "ResultText.h"
#include "providers/CiRunHandle.h"
#include "providers/ProviderConfig.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

class TestProviderConfig : public QObject
{
    Q_OBJECT

private slots:
    // A key picked from a provider's list later (channel, workflows, jobs) is still open.
    void unsetKeys()
    {
        const QJsonObject config{{QStringLiteral("blank"), QStringLiteral("  ")},
                                 {QStringLiteral("none"), QJsonValue()},
                                 {QStringLiteral("empty"), QJsonObject()},
                                 {QStringLiteral("channel"), QStringLiteral("C0RELEASES")},
                                 {QStringLiteral("jobs"),
                                  QJsonObject{{QStringLiteral("build"), QStringLiteral("app")}}}};
        for (const QString& key : {QStringLiteral("absent"), QStringLiteral("blank"),
                                   QStringLiteral("none"), QStringLiteral("empty")})
            QVERIFY2(ProviderConfig::isUnset(config, key), qPrintable(key));
        QVERIFY(!ProviderConfig::isUnset(config, QStringLiteral("channel")));
        QVERIFY(!ProviderConfig::isUnset(config, QStringLiteral("jobs")));
    }

    void baseUrl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // the URL, or the error message
        QTest::addColumn<bool>("ok");
        QTest::newRow("https") << QStringLiteral("https://ghe.example.test/api/v3/")
                               << QStringLiteral("https://ghe.example.test/api/v3") << true;
        QTest::newRow("local http") << QStringLiteral("http://127.0.0.1:8080/api")
                                    << QStringLiteral("http://127.0.0.1:8080/api") << true;
        QTest::newRow("localhost http") << QStringLiteral("http://localhost:9/x")
                                        << QStringLiteral("http://localhost:9/x") << true;
        QTest::newRow("remote http")
            << QStringLiteral("http://ghe.example.test/api/v3")
            << QStringLiteral("The API URL must use https:// (plain http:// is only allowed for "
                              "this machine).")
            << false;
        QTest::newRow("malformed")
            << QStringLiteral("not a url")
            << QStringLiteral("The API URL \"not a url\" is not a valid URL; use e.g. "
                              "https://host/path.")
            << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://host/x")
                             << QStringLiteral("The API URL \"ftp://host/x\" is not a valid URL; "
                                               "use e.g. https://host/path.")
                             << false;
        QTest::newRow("credentials")
            << QStringLiteral("https://me:pw@host/x")
            << QStringLiteral("The API URL must not contain a user name or password.") << false;
    }

    void baseUrl()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(bool, ok);
        auto url = ProviderConfig::baseUrl(QJsonObject{{QStringLiteral("apiUrl"), text}},
                                           QStringLiteral("apiUrl"), QStringLiteral("API URL"));
        QCOMPARE(url.ok(), ok);
        if (ok)
            QCOMPARE(url->toString(), expected);
        else
            QCOMPARE(url.error().message, expected);
    }

    void baseUrlFallsBackWhenAbsent()
    {
        const QUrl fallback(QStringLiteral("https://api.github.com"));
        auto url = ProviderConfig::baseUrl({}, QStringLiteral("apiUrl"), QStringLiteral("API URL"),
                                           fallback);
        QVERIFY2(url.ok(), failureOf(url).constData());
        QCOMPARE(*url, fallback);
        auto missing =
            ProviderConfig::baseUrl({}, QStringLiteral("apiUrl"), QStringLiteral("API URL"));
        QCOMPARE(missing.error().message, QStringLiteral("The API URL is missing."));
    }

    void repositoryPart()
    {
        QVERIFY(ProviderConfig::repositoryPart(QStringLiteral("release-deck_2.x"),
                                               QStringLiteral("repository"))
                    .ok());
        const Status spaced =
            ProviderConfig::repositoryPart(QStringLiteral("my repo"), QStringLiteral("repository"));
        QCOMPARE(spaced.error().kind, ErrorKind::Usage);
        QCOMPARE(spaced.error().message,
                 QStringLiteral("The repository \"my repo\" contains spaces; use the name as it "
                                "appears in the URL."));
        QVERIFY(
            !ProviderConfig::repositoryPart(QStringLiteral("a/b"), QStringLiteral("owner")).ok());
        QCOMPARE(ProviderConfig::repositoryPart(QString(), QStringLiteral("owner")).error().message,
                 QStringLiteral("The owner is missing."));
    }

    void nameMap()
    {
        const QJsonObject good{{QStringLiteral("workflows"),
                                QJsonObject{{QStringLiteral("build"), QStringLiteral("ci.yml")}}}};
        QVERIFY(
            ProviderConfig::nameMap(good, QStringLiteral("workflows"), QStringLiteral("workflow"))
                .ok());
        QCOMPARE(
            ProviderConfig::nameMap({}, QStringLiteral("workflows"), QStringLiteral("workflow"))
                .error()
                .message,
            QStringLiteral("At least one workflow is required."));
        const QJsonObject blank{
            {QStringLiteral("workflows"), QJsonObject{{QStringLiteral("build"), QString()}}}};
        QVERIFY(
            !ProviderConfig::nameMap(blank, QStringLiteral("workflows"), QStringLiteral("workflow"))
                 .ok());
    }

    void runHandleRoundTripsThroughJson()
    {
        CiRunHandle handle;
        handle.workflow = QStringLiteral("release.yml");
        handle.ref = QStringLiteral("release/1.2");
        handle.triggeredAt = QDateTime(QDate(2026, 11, 21), QTime(14, 5, 6, 789), Qt::UTC);
        handle.runId = QStringLiteral("123456");
        handle.buildNumber = 42;
        handle.marker = QStringLiteral("rd-42-TRIGGER_REGRESSION_BUILDS-c2-ANDROID");
        const CiRunHandle back = CiRunHandle::fromJson(handle.toJson());
        QCOMPARE(back.workflow, handle.workflow);
        QCOMPARE(back.ref, handle.ref);
        QCOMPARE(back.triggeredAt, handle.triggeredAt);
        QCOMPARE(back.runId, handle.runId);
        QCOMPARE(back.buildNumber, handle.buildNumber);
        QCOMPARE(back.marker, handle.marker);
    }
};

QTEST_GUILESS_MAIN(TestProviderConfig)
#include "tst_providerconfig.moc"
