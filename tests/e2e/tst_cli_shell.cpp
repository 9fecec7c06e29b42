#include "CliRunner.h"
#include "Version.h"

#include <QProcess>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The two real programs, run as a person would run them.
class TestCliShell : public QObject
{
    Q_OBJECT

private slots:
    void cliPrintsItsVersion()
    {
        const CliRun run = CliRunner().run({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("releasedeck-cli ") + version());
    }

    void cliHelpListsCommands()
    {
        const CliRun run = CliRunner().run({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QLatin1String("Usage: releasedeck-cli")));
        QVERIFY2(run.out.contains(QLatin1String("Commands:")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("--database URL")), qPrintable(run.out));
    }

    void cliRefusesUnknownCommandWithUsageExit()
    {
        const CliRun run = CliRunner().run({QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("Unknown command 'frobnicate'")),
                 qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void cliRefusesMissingCommand()
    {
        const CliRun run = CliRunner().run({});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("No command given")), qPrintable(run.err));
    }

    void appPrintsItsVersion()
    {
        QProcess app;
        app.start(qEnvironmentVariable("RELEASEDECK_APP"), {QStringLiteral("--version")});
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(app.readAllStandardOutput()).trimmed(),
                 QStringLiteral("releasedeck ") + version());
    }
};

QTEST_GUILESS_MAIN(TestCliShell)
#include "tst_cli_shell.moc"
