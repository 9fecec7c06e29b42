#include "CliRunner.h"
#include "FakeGitHub.h"
#include "FakeHttpServer.h"
#include "FakeResponse.h"
#include "TestMariaDb.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck::Test;

namespace {

const QByteArray ScmToken = "rd-leak-scm-token-5a1f3e";
const QByteArray CiToken = "rd-leak-ci-token-9c2e7b";

} // namespace

// Tokens live only in the keychain. Connections are added and verified through the real
// CLI with every logging category at debug, on SQLite and on MariaDB, while one provider
// echoes the token back in its error body; then every place a token could leak to is
// searched: the SQLite file, a mariadb-dump, the log files, the settings, all CLI output.
class TestTokenLeak : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_output;
    std::unique_ptr<FakeGitHub> m_github;

    CliRun run(CliRunner& cli, const QStringList& arguments, const QByteArray& input = {})
    {
        const CliRun result = cli.run(arguments, input);
        m_output += result.out.toUtf8() + result.err.toUtf8();
        return result;
    }

    // Adds an SCM and a CI connection, verifies, then lets the CI provider echo its token.
    void exercise(CliRunner& cli)
    {
        cli.setEnvironment(QStringLiteral("QT_LOGGING_RULES"),
                           QStringLiteral("releasedeck.*=true"));
        const QString api = m_github->apiUrl().toString();
        const QStringList repo = {QStringLiteral("--owner"),   FakeGitHub::owner(),
                                  QStringLiteral("--repo"),    FakeGitHub::repo(),
                                  QStringLiteral("--api-url"), api};
        QCOMPARE(run(cli, {QStringLiteral("workspace"), QStringLiteral("create"),
                           QStringLiteral("acme")})
                     .exitCode,
                 0);
        const CliRun scm =
            run(cli,
                QStringList{QStringLiteral("connection"), QStringLiteral("add"),
                            QStringLiteral("github"), QStringLiteral("--token-stdin")} +
                    repo,
                ScmToken + '\n');
        QVERIFY2(scm.exitCode == 0, qPrintable(scm.err));

        const QString echo = QStringLiteral(R"({"message":"Bad credentials: %1 is not valid"})")
                                 .arg(QString::fromLatin1(CiToken));
        m_github->server().on("GET", m_github->repoPath(QStringLiteral("/actions/workflows")),
                              FakeResponse::json(401, echo.toUtf8()));
        const QStringList ci = QStringList{QStringLiteral("connection"),
                                           QStringLiteral("add"),
                                           QStringLiteral("github-actions"),
                                           QStringLiteral("--workflow"),
                                           QStringLiteral("REGRESSION_BUILD=build.yml"),
                                           QStringLiteral("--token-stdin")} +
                               repo;
        const CliRun refused = run(cli, ci, CiToken + '\n');
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("Bad credentials")), qPrintable(refused.err));

        const CliRun pending =
            run(cli, ci + QStringList{QStringLiteral("--no-verify")}, CiToken + '\n');
        QVERIFY2(pending.exitCode == 0, qPrintable(pending.err));
        const CliRun verified = run(cli, {QStringLiteral("connection"), QStringLiteral("verify"),
                                          QStringLiteral("--all"), QStringLiteral("--json")});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.out.contains(QLatin1String("INVALID")), qPrintable(verified.out));
        QVERIFY2(verified.out.contains(QLatin1String("Bad credentials")), qPrintable(verified.out));
        QCOMPARE(run(cli, {QStringLiteral("connection"), QStringLiteral("list")}).exitCode, 0);
        // The provider really did see the token: the test is not vacuous.
        const QList<RecordedRequest> asked = m_github->server().requests(
            "GET", m_github->repoPath(QStringLiteral("/actions/workflows")));
        QVERIFY(!asked.isEmpty());
        QCOMPARE(asked.constLast().header("authorization"), QByteArray("Bearer ") + CiToken);
    }

    static void verifyClean(const QByteArray& haystack, const QString& where)
    {
        for (const QByteArray& token : {ScmToken, CiToken})
            QVERIFY2(!haystack.contains(token),
                     qPrintable(
                         QStringLiteral("%1 contains %2").arg(where, QString::fromLatin1(token))));
    }

    static void verifyFilesClean(const QString& root)
    {
        QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            const QString path = files.next();
            // The keyring's own (encrypted) file is where tokens belong.
            if (path.contains(QLatin1String("/keyrings/")))
                continue;
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            verifyClean(file.readAll(), path);
            ++read;
        }
        QVERIFY2(read > 0, qPrintable(QStringLiteral("no files under %1").arg(root)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_github = std::make_unique<FakeGitHub>(QStringLiteral("/api/v3"));
        m_github->actions().addWorkflow(11, QStringLiteral("Build"),
                                        QStringLiteral(".github/workflows/build.yml"));
    }

    void sqliteHoldsNoToken()
    {
        CliRunner cli;
        const QString file = m_dir.filePath(QStringLiteral("deck.sqlite"));
        cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"),
                           QStringLiteral("sqlite:") + file);
        exercise(cli);
        if (QTest::currentTestFailed())
            return;
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile database(file + suffix);
            if (database.open(QIODevice::ReadOnly))
                verifyClean(database.readAll(), database.fileName());
        }
    }

    void mariadbHoldsNoToken()
    {
        QString error;
        const TestMariaDb server = TestMariaDb::fromEnvironment(&error);
        QVERIFY2(server.isValid(), qPrintable(error));
        const QString name = TestMariaDb::uniqueName(QStringLiteral("leak"));
        const QString url = server.createDatabase(name, &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));

        m_github = std::make_unique<FakeGitHub>(QStringLiteral("/api/v3"));
        m_github->actions().addWorkflow(11, QStringLiteral("Build"),
                                        QStringLiteral(".github/workflows/build.yml"));
        CliRunner cli;
        cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"), url);
        QCOMPARE(run(cli, {QStringLiteral("db"), QStringLiteral("migrate")}).exitCode, 0);
        exercise(cli);
        if (QTest::currentTestFailed())
            return;

        QProcess dump;
        dump.start(QStringLiteral("mariadb-dump"),
                   {QStringLiteral("--no-defaults"), QStringLiteral("-h"), server.host,
                    QStringLiteral("-P"), QString::number(server.port), QStringLiteral("-u"),
                    server.user, QStringLiteral("--skip-extended-insert"), name});
        QVERIFY(dump.waitForFinished(60000));
        QVERIFY2(dump.exitCode() == 0, dump.readAllStandardError().constData());
        const QByteArray sql = dump.readAllStandardOutput();
        QVERIFY2(sql.contains("INSERT INTO `connections`"), "the dump holds no connection rows");
        QVERIFY2(sql.contains("Bad credentials"), "the dump holds no verification error");
        verifyClean(sql, QStringLiteral("mariadb-dump"));
        QVERIFY2(server.dropDatabase(name, &error), qPrintable(error));
    }

    void logsSettingsAndOutputHoldNoToken()
    {
        QVERIFY(!m_output.isEmpty());
        verifyClean(m_output, QStringLiteral("CLI output"));
        const QString state = qEnvironmentVariable("XDG_STATE_HOME");
        QFile log(state + QStringLiteral("/ReleaseDeck/releasedeck-cli.log"));
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
        const QByteArray logged = log.readAll();
        QVERIFY2(logged.contains(" debug releasedeck."), "debug logging was not on");
        QVERIFY2(logged.contains("[redacted]"), "nothing was redacted: the test saw no token");
        verifyFilesClean(qEnvironmentVariable("HOME"));
        verifyFilesClean(m_dir.path());
    }
};

QTEST_GUILESS_MAIN(TestTokenLeak)
#include "tst_token_leak.moc"
