#include "CliRunner.h"
#include "FakeGitHub.h"
#include "FakeHttpServer.h"
#include "FakeResponse.h"
#include "TestKeyring.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck::Test;

namespace {

const QByteArray GoodToken = "rd-fake-github-token-0001\n";

QJsonArray jsonArray(const CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

} // namespace

// releasedeck-cli connection add | list | verify | remove, as a person runs them: the real
// program, a SQLite file, the test keyring, and a fake GitHub Enterprise on 127.0.0.1.
class TestCliConnections : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CliRunner m_cli;
    std::unique_ptr<FakeGitHub> m_github;
    int m_run = 0;

    QStringList addGitHub() const
    {
        return {QStringLiteral("connection"),
                QStringLiteral("add"),
                QStringLiteral("github"),
                QStringLiteral("--owner"),
                FakeGitHub::owner(),
                QStringLiteral("--repo"),
                FakeGitHub::repo(),
                QStringLiteral("--api-url"),
                m_github->apiUrl().toString(),
                QStringLiteral("--token-stdin")};
    }

    CliRun run(const QStringList& arguments, const QByteArray& input = {}) const
    {
        return m_cli.run(arguments, input);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString database =
            QStringLiteral("sqlite:%1/deck-%2.sqlite").arg(m_dir.path()).arg(++m_run);
        m_cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"), database);
        m_github = std::make_unique<FakeGitHub>(QStringLiteral("/api/v3"));
        const CliRun created =
            run({QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("acme")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

    void cleanup()
    {
        run({QStringLiteral("connection"), QStringLiteral("remove"), QStringLiteral("SCM")});
        m_github.reset();
    }

    void addVerifiesThenSavesAValidConnection()
    {
        const int entriesBefore = keychainEntries();
        const CliRun added = run(addGitHub(), GoodToken);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.out.contains(QLatin1String("(VALID)")), qPrintable(added.out));

        const QList<RecordedRequest> asked = m_github->requests("GET", QString());
        QVERIFY(!asked.isEmpty());
        QCOMPARE(asked.constFirst().header("authorization"),
                 QByteArray("Bearer rd-fake-github-token-0001"));
        QCOMPARE(keychainEntries(), entriesBefore + 1);

        const CliRun listed =
            run({QStringLiteral("connection"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray rows = jsonArray(listed);
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("category")).toString(), QStringLiteral("SCM"));
        QCOMPARE(row.value(QStringLiteral("provider")).toString(),
                 QStringLiteral("github-enterprise"));
        QCOMPARE(row.value(QStringLiteral("verificationStatus")).toString(),
                 QStringLiteral("VALID"));
        QVERIFY(row.value(QStringLiteral("lastVerifiedAt")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(row.value(QStringLiteral("verificationError")).isNull());
        QCOMPARE(row.value(QStringLiteral("tokenOnThisMachine")).toBool(), true);
        QVERIFY(!listed.out.contains(QLatin1String("rd-fake-github-token")));
    }

    // A build host's service reads tokens with --secrets credentials-dir: the "credential"
    // that list --json names is the file in $CREDENTIALS_DIRECTORY the token is read from.
    void listNamesTheCredentialAServiceReads()
    {
        const CliRun added = run(addGitHub(), GoodToken);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const CliRun listed =
            run({QStringLiteral("connection"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QString credential =
            jsonArray(listed).at(0).toObject().value(QStringLiteral("credential")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^workspace-[0-9]+\\.connection-[0-9a-f-]{36}$"))
                     .match(credential)
                     .hasMatch(),
                 qPrintable(listed.out));

        QTemporaryDir credentials;
        QVERIFY(credentials.isValid());
        QFile file(credentials.filePath(credential));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("rd-fake-github-token-0002\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));

        CliRunner service;
        service.setEnvironment(
            QStringLiteral("RELEASEDECK_DATABASE"),
            QStringLiteral("sqlite:%1/deck-%2.sqlite").arg(m_dir.path()).arg(m_run));
        service.setEnvironment(QStringLiteral("CREDENTIALS_DIRECTORY"), credentials.path());
        const CliRun verified = service.run(
            {QStringLiteral("--secrets"), QStringLiteral("credentials-dir"),
             QStringLiteral("connection"), QStringLiteral("verify"), QStringLiteral("SCM")});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
        QCOMPARE(m_github->requests("GET", QString()).constLast().header("authorization"),
                 QByteArray("Bearer rd-fake-github-token-0002"));
    }

    void refusedTokenSavesNothing()
    {
        m_github->server().on("GET", m_github->repoPath(),
                              FakeResponse::json(401, R"({"message":"Bad credentials"})"));
        const int entriesBefore = keychainEntries();
        const CliRun added = run(addGitHub(), GoodToken);
        QCOMPARE(added.exitCode, 1);
        QVERIFY2(added.err.contains(QLatin1String("Bad credentials")), qPrintable(added.err));
        QVERIFY2(added.err.contains(QLatin1String("Nothing was saved")), qPrintable(added.err));
        QCOMPARE(keychainEntries(), entriesBefore);
        const CliRun listed =
            run({QStringLiteral("connection"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(jsonArray(listed).size(), 0);
    }

    void noVerifySavesPending()
    {
        m_github->server().on("GET", m_github->repoPath(), FakeResponse::htmlPage(502));
        QStringList arguments = addGitHub();
        arguments.append(QStringLiteral("--no-verify"));
        const CliRun added = run(arguments, GoodToken);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.out.contains(QLatin1String("(PENDING)")), qPrintable(added.out));
        QCOMPARE(m_github->server().requests().size(), 0);
    }

    // The product's verification rules, through the CLI.
    void verifyAppliesTheStatusRules_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expiration");
        QTest::addColumn<QString>("expectedStatus");
        QTest::addColumn<bool>("lastVerifiedKept");
        QTest::addColumn<QString>("errorWords");
        QTest::addColumn<int>("exitCode");

        QTest::newRow("works") << 200 << QByteArray() << QByteArray() << QStringLiteral("VALID")
                               << false << QString() << 0;
        QTest::newRow("credentials refused")
            << 401 << QByteArray(R"({"message":"Bad credentials"})") << QByteArray()
            << QStringLiteral("INVALID") << false << QStringLiteral("Bad credentials") << 1;
        QTest::newRow("token expired")
            << 401 << QByteArray(R"({"message":"Bad credentials"})")
            << QByteArray("2020-01-01 00:00:00 UTC") << QStringLiteral("EXPIRED") << false
            << QStringLiteral("expired") << 1;
        QTest::newRow("server error")
            << 500 << QByteArray(R"({"message":"Server Error"})") << QByteArray()
            << QStringLiteral("VALID") << true << QStringLiteral("500") << 1;
    }

    void verifyAppliesTheStatusRules()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expiration);
        QFETCH(QString, expectedStatus);
        QFETCH(bool, lastVerifiedKept);
        QFETCH(QString, errorWords);
        QFETCH(int, exitCode);

        const CliRun added = run(addGitHub(), GoodToken);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QJsonObject before =
            jsonArray(run({QStringLiteral("connection"), QStringLiteral("list"),
                           QStringLiteral("--json")}))
                .at(0)
                .toObject();
        QTest::qWait(1100); // so a new verification time differs from the first one

        if (status != 200) {
            FakeResponse answer = FakeResponse::json(status, body);
            if (!expiration.isEmpty())
                answer.withHeader("github-authentication-token-expiration", expiration);
            m_github->server().on("GET", m_github->repoPath(), answer);
        }
        const CliRun verified = run({QStringLiteral("connection"), QStringLiteral("verify"),
                                     QStringLiteral("SCM"), QStringLiteral("--json")});
        QCOMPARE(verified.exitCode, exitCode);
        const QJsonArray rows = jsonArray(verified);
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("verificationStatus")).toString(), expectedStatus);
        const QString lastBefore = before.value(QStringLiteral("lastVerifiedAt")).toString();
        const QString lastAfter = row.value(QStringLiteral("lastVerifiedAt")).toString();
        QCOMPARE(lastAfter == lastBefore, lastVerifiedKept);
        if (errorWords.isEmpty())
            QVERIFY(row.value(QStringLiteral("verificationError")).isNull());
        else
            QVERIFY2(row.value(QStringLiteral("verificationError"))
                         .toString()
                         .contains(errorWords, Qt::CaseInsensitive),
                     qPrintable(verified.out));

        // What verify reported is what was stored.
        const QJsonObject stored =
            jsonArray(run({QStringLiteral("connection"), QStringLiteral("list"),
                           QStringLiteral("--json")}))
                .at(0)
                .toObject();
        QCOMPARE(stored.value(QStringLiteral("verificationStatus")).toString(), expectedStatus);
        QCOMPARE(stored.value(QStringLiteral("lastVerifiedAt")).toString(), lastAfter);
    }

    void removeForgetsTheToken()
    {
        const int entriesBefore = keychainEntries();
        QCOMPARE(run(addGitHub(), GoodToken).exitCode, 0);
        QCOMPARE(keychainEntries(), entriesBefore + 1);
        const CliRun removed =
            run({QStringLiteral("connection"), QStringLiteral("remove"), QStringLiteral("SCM")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QCOMPARE(keychainEntries(), entriesBefore);
        QCOMPARE(jsonArray(run({QStringLiteral("connection"), QStringLiteral("list"),
                                QStringLiteral("--json")}))
                     .size(),
                 0);
    }

    void badInputIsAUsageErrorAndSavesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("words");

        const QStringList base = {QStringLiteral("connection"), QStringLiteral("add")};
        QTest::newRow("unknown provider")
            << (base + QStringList{QStringLiteral("gitbucket"), QStringLiteral("--token-stdin")})
            << GoodToken << QStringLiteral("Unknown provider 'gitbucket'");
        QTest::newRow("owner with spaces")
            << (base + QStringList{QStringLiteral("github"), QStringLiteral("--owner"),
                                   QStringLiteral("oc to"), QStringLiteral("--repo"),
                                   QStringLiteral("app"), QStringLiteral("--token-stdin")})
            << GoodToken << QStringLiteral("owner");
        QTest::newRow("malformed url")
            << (base + QStringList{QStringLiteral("github"), QStringLiteral("--owner"),
                                   QStringLiteral("octo"), QStringLiteral("--repo"),
                                   QStringLiteral("app"), QStringLiteral("--api-url"),
                                   QStringLiteral("ht!tp:/nowhere"),
                                   QStringLiteral("--token-stdin")})
            << GoodToken << QStringLiteral("URL");
        QTest::newRow("plain http to another host")
            << (base + QStringList{QStringLiteral("github"), QStringLiteral("--owner"),
                                   QStringLiteral("octo"), QStringLiteral("--repo"),
                                   QStringLiteral("app"), QStringLiteral("--api-url"),
                                   QStringLiteral("http://ghe.example.com/api/v3"),
                                   QStringLiteral("--token-stdin")})
            << GoodToken << QStringLiteral("https");
        QTest::newRow("no token") << (base +
                                      QStringList{QStringLiteral("github"),
                                                  QStringLiteral("--owner"), QStringLiteral("octo"),
                                                  QStringLiteral("--repo"), QStringLiteral("app")})
                                  << QByteArray() << QStringLiteral("--token-stdin");
        QTest::newRow("token with inner whitespace")
            << (base + QStringList{QStringLiteral("github"), QStringLiteral("--owner"),
                                   QStringLiteral("octo"), QStringLiteral("--repo"),
                                   QStringLiteral("app"), QStringLiteral("--token-stdin")})
            << QByteArray("rd-fake token\n") << QStringLiteral("whitespace");
        QTest::newRow("flag of another provider")
            << (base + QStringList{QStringLiteral("github"), QStringLiteral("--owner"),
                                   QStringLiteral("octo"), QStringLiteral("--repo"),
                                   QStringLiteral("app"), QStringLiteral("--channel"),
                                   QStringLiteral("C1"), QStringLiteral("--token-stdin")})
            << GoodToken << QStringLiteral("--channel does not apply to github");
        QTest::newRow("unknown flag")
            << (base + QStringList{QStringLiteral("github"), QStringLiteral("--colour"),
                                   QStringLiteral("red"), QStringLiteral("--token-stdin")})
            << GoodToken << QStringLiteral("colour");
    }

    void badInputIsAUsageErrorAndSavesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QString, words);
        const int entriesBefore = keychainEntries();
        const CliRun added = run(arguments, input);
        QCOMPARE(added.exitCode, 2);
        QVERIFY2(added.err.contains(words, Qt::CaseInsensitive), qPrintable(added.err));
        QCOMPARE(added.err.count(QLatin1String("releasedeck-cli: ")), 1);
        QCOMPARE(m_github->server().requests().size(), 0);
        QCOMPARE(keychainEntries(), entriesBefore);
        QCOMPARE(jsonArray(run({QStringLiteral("connection"), QStringLiteral("list"),
                                QStringLiteral("--json")}))
                     .size(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestCliConnections)
#include "tst_cli_connections.moc"
