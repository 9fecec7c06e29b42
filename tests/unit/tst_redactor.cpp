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

    void keepsOrdinaryText()
    {
        const QString text =
            QStringLiteral("Repository acme/app has 3 branches; pagination next=abc");
        QCOMPARE(redacted(text), text);
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

    void shortStringsAreNotSecrets()
    {
        Redactor::instance().addSecret(QStringLiteral("abc"));
        QCOMPARE(redacted(QStringLiteral("abc def")), QStringLiteral("abc def"));
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
