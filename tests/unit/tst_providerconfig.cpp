#include "providers/CiRunHandle.h"
#include "providers/ProviderConfig.h"

#include <QTest>

using namespace ReleaseDeck;

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
                                 {QStringLiteral("jobs"), QJsonObject{{QStringLiteral("AUTOMATION"),
                                                                       QStringLiteral("app")}}}};
        for (const QString& key : {QStringLiteral("absent"), QStringLiteral("blank"),
                                   QStringLiteral("none"), QStringLiteral("empty")})
            QVERIFY2(ProviderConfig::isUnset(config, key), qPrintable(key));
        QVERIFY(!ProviderConfig::isUnset(config, QStringLiteral("channel")));
        QVERIFY(!ProviderConfig::isUnset(config, QStringLiteral("jobs")));
    }

    // Reading a URL that passed its field check: trimmed of slash, query and fragment.
    void urlIsReadCleanOrFallsBack()
    {
        const QJsonObject config{
            {QStringLiteral("apiUrl"), QStringLiteral(" https://ghe.example.test/api/v3/?x=1#y ")}};
        QCOMPARE(ProviderConfig::url(config, QStringLiteral("apiUrl")).toString(),
                 QStringLiteral("https://ghe.example.test/api/v3"));
        const QUrl fallback(QStringLiteral("https://api.github.com"));
        QCOMPARE(ProviderConfig::url({}, QStringLiteral("apiUrl"), fallback), fallback);
        QVERIFY(ProviderConfig::url({}, QStringLiteral("apiUrl")).isEmpty());
    }

    // The one rule for where plain http:// may go: this machine, all of 127.0.0.0/8.
    void localHostsAreThisMachine_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("local");
        QTest::newRow("localhost") << QStringLiteral("localhost") << true;
        QTest::newRow("LOCALHOST") << QStringLiteral("LOCALHOST") << true;
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("127.0.0.2") << QStringLiteral("127.0.0.2") << true;
        QTest::newRow("127.255.0.9") << QStringLiteral("127.255.0.9") << true;
        QTest::newRow("::1") << QStringLiteral("::1") << true;
        QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
        QTest::newRow("localhost.example.com") << QStringLiteral("localhost.example.com") << false;
        QTest::newRow("128.0.0.1") << QStringLiteral("128.0.0.1") << false;
    }

    void localHostsAreThisMachine()
    {
        QFETCH(QString, host);
        QFETCH(bool, local);
        QCOMPARE(ProviderConfig::isLocalHost(host), local);
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
