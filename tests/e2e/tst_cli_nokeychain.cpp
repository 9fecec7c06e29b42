#include "CliRunner.h"
#include "FakeGitHub.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck::Test;

// Runs in a D-Bus session with no Secret Service at all (with-no-keychain.sh): the CLI says
// so in one sentence with the fix, stores nothing anywhere and exits non-zero.
class TestCliNoKeychain : public QObject
{
    Q_OBJECT

private slots:
    void addRefusesAndStoresNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CliRunner cli;
        cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"),
                           QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("deck.sqlite")));
        QCOMPARE(
            cli.run({QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("acme")})
                .exitCode,
            0);

        FakeGitHub github(QStringLiteral("/api/v3"));
        const QByteArray token = "rd-fake-nokeychain-token-0002";
        const CliRun added =
            cli.run({QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("github"),
                     QStringLiteral("--owner"), FakeGitHub::owner(), QStringLiteral("--repo"),
                     FakeGitHub::repo(), QStringLiteral("--api-url"), github.apiUrl().toString(),
                     QStringLiteral("--token-stdin")},
                    token + '\n');
        QCOMPARE(added.exitCode, 1);
        QVERIFY2(added.err.contains(QLatin1String("No keychain is available")),
                 qPrintable(added.err));
        QVERIFY2(added.err.contains(QLatin1String("unlock your desktop keyring")),
                 qPrintable(added.err));
        QCOMPARE(added.err.count(QLatin1Char('\n')), 1);

        const CliRun listed = cli.run(
            {QStringLiteral("connection"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 0);

        // No plaintext fallback: the token is in no file under HOME or the test folder.
        for (const QString& root : {qEnvironmentVariable("HOME"), dir.path()}) {
            QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains(token), qPrintable(file.fileName()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCliNoKeychain)
#include "tst_cli_nokeychain.moc"
