#include "CliRunner.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck::Test;

// The CLI under every logging rule: Qt logs from its own static destructors while the
// process exits (the keychain's library unloading, D-Bus teardown), so a command that
// succeeded must still exit 0 whatever QT_LOGGING_RULES turns on.
class TestCliLogRules : public QObject
{
    Q_OBJECT

private slots:
    void successExitsZeroUnderEveryRule_data()
    {
        QTest::addColumn<QString>("rules");
        QTest::newRow("default") << QString();
        QTest::newRow("everything debug") << QStringLiteral("*.debug=true");
        QTest::newRow("qt debug") << QStringLiteral("qt.*.debug=true");
        QTest::newRow("releasedeck debug") << QStringLiteral("releasedeck.*.debug=true");
        QTest::newRow("everything off") << QStringLiteral("*=false");
    }

    void successExitsZeroUnderEveryRule()
    {
        QFETCH(QString, rules);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CliRunner cli;
        cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"),
                           QStringLiteral("sqlite:%1/deck.sqlite").arg(dir.path()));
        cli.setEnvironment(QStringLiteral("QT_LOGGING_RULES"), rules);

        const CliRun created = cli.run(
            {QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("acme")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        // Writing the token loads the keychain library, which Qt unloads (and logs) at exit.
        const CliRun added = cli.run(
            {QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("github"),
             QStringLiteral("--owner"), QStringLiteral("octo"), QStringLiteral("--repo"),
             QStringLiteral("app"), QStringLiteral("--no-verify"), QStringLiteral("--token-stdin")},
            "rd-fake-logrules-token-0001\n");
        QVERIFY2(added.out.contains(QLatin1String("Added GitHub connection")),
                 qPrintable(added.out + added.err));
        QVERIFY2(added.exitCode == 0, qPrintable(added.err.right(2000)));
        QVERIFY(!added.err.contains(QLatin1String("rd-fake-logrules-token")));

        const CliRun listed = cli.run({QStringLiteral("connection"), QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err.right(2000)));
        const CliRun removed = cli.run(
            {QStringLiteral("connection"), QStringLiteral("remove"), QStringLiteral("SCM")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err.right(2000)));
    }
};

QTEST_GUILESS_MAIN(TestCliLogRules)
#include "tst_cli_logrules.moc"
