#include "CliRunner.h"
#include "FakeHttpServer.h"
#include "OrchestratorProcess.h"
#include "TestKeyring.h"
#include "db/Database.h"
#include "providers/sandbox/SandboxStore.h"
#include "store/WorkspaceStore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The sandbox through the real CLI: `sandbox create --time-scale`, a background
// `orchestrate` to DONE with one `release approve`, offline: every process sends its
// requests through a counting proxy on 127.0.0.1 (it must see none), and the test keyring
// keeps its entry count. Every simulated effect happens once.
class TestCliSandbox : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    CliRunner m_cli;
    QProcessEnvironment m_environment;
    std::unique_ptr<FakeHttpServer> m_proxy;
    int m_run = 0;

    CliRun cli(const QStringList& arguments, const QByteArray& input = {})
    {
        return m_cli.run(QStringList{QStringLiteral("--workspace"), QStringLiteral("Sandbox")} +
                             arguments,
                         input);
    }

    void setEverywhere(const QString& name, const QString& value)
    {
        m_cli.setEnvironment(name, value);
        m_environment.insert(name, value);
    }

    QJsonObject show()
    {
        const CliRun shown = cli({QStringLiteral("release"), QStringLiteral("show"),
                                  QStringLiteral("1.0.0"), QStringLiteral("--json")});
        if (shown.exitCode != 0)
            qWarning().noquote() << "release show failed:" << shown.err;
        return QJsonDocument::fromJson(shown.out.toUtf8()).object();
    }

    QJsonObject waitFor(const std::function<bool(const QJsonObject&)>& done, int seconds)
    {
        QDeadlineTimer deadline(seconds * 1000);
        QJsonObject release = show();
        while (!done(release) && !deadline.hasExpired()) {
            QTest::qWait(300);
            release = show();
        }
        return release;
    }

    static QString describe(const QJsonObject& release)
    {
        return QString::fromUtf8(QJsonDocument(release).toJson(QJsonDocument::Indented));
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_database = QStringLiteral("sqlite:%1/deck-%2.sqlite").arg(m_dir.path()).arg(++m_run);
        m_environment = QProcessEnvironment::systemEnvironment();
        m_proxy = std::make_unique<FakeHttpServer>();
        const QString proxy = m_proxy->url().toString();
        setEverywhere(QStringLiteral("RELEASEDECK_DATABASE"), m_database);
        for (const char* name :
             {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            setEverywhere(QString::fromLatin1(name), proxy);
        setEverywhere(QStringLiteral("no_proxy"), QString());
        setEverywhere(QStringLiteral("NO_PROXY"), QString());
    }

    void cleanup() { m_proxy.reset(); }

    // The proxy really is in the way: a real provider's verification goes through it.
    void theProxySeesARealProvidersRequest()
    {
        QCOMPARE(m_cli
                     .run({QStringLiteral("workspace"), QStringLiteral("create"),
                           QStringLiteral("Acme")})
                     .exitCode,
                 0);
        const CliRun added = m_cli.run(
            {QStringLiteral("--workspace"), QStringLiteral("Acme"), QStringLiteral("connection"),
             QStringLiteral("add"), QStringLiteral("slack"), QStringLiteral("--channel"),
             QStringLiteral("C0123ABCD"), QStringLiteral("--api-url"),
             QStringLiteral("https://slack.example.invalid/api"), QStringLiteral("--token-stdin")},
            "xoxb-not-a-real-token\n");
        QVERIFY2(added.exitCode != 0, qPrintable(added.out));
        QVERIFY2(!m_proxy->requests().isEmpty(), qPrintable(added.err));
    }

    void createRefusesBadTimeScalesAndASecondSandbox()
    {
        const CliRun bad = m_cli.run({QStringLiteral("sandbox"), QStringLiteral("create"),
                                      QStringLiteral("--time-scale"), QStringLiteral("0")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("--time-scale needs a whole number")),
                 qPrintable(bad.err));
        QCOMPARE(m_cli.run({QStringLiteral("sandbox"), QStringLiteral("create")}).exitCode, 0);
        const CliRun again = m_cli.run({QStringLiteral("sandbox"), QStringLiteral("create")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("exists already")), qPrintable(again.err));
        const CliRun extra =
            m_cli.run({QStringLiteral("sandbox"), QStringLiteral("delete"), QStringLiteral("x")});
        QCOMPARE(extra.exitCode, 2);
    }

    void resetAndDeleteStartAfreshAndRemoveEveryRow()
    {
        QCOMPARE(m_cli
                     .run({QStringLiteral("sandbox"), QStringLiteral("create"),
                           QStringLiteral("--time-scale"), QStringLiteral("5")})
                     .exitCode,
                 0);
        const CliRun reset = m_cli.run({QStringLiteral("sandbox"), QStringLiteral("reset")});
        QVERIFY2(reset.exitCode == 0, qPrintable(reset.err));
        QVERIFY2(reset.out.contains(QLatin1String("every 12 s")), qPrintable(reset.out));
        const CliRun listed =
            cli({QStringLiteral("release"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 1);

        const CliRun removed = m_cli.run({QStringLiteral("sandbox"), QStringLiteral("delete")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        Database database(DatabaseUrl::parse(m_database).value());
        for (const char* table : {"workspaces", "connections", "releases", "tasks", "events",
                                  "sandbox_states", "sandbox_refs"}) {
            Result<QSqlQuery> counted =
                database.run(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table));
            QVERIFY2(counted && counted->next(), table);
            QVERIFY2(counted->value(0).toInt() == 0, table);
        }
        const CliRun gone = m_cli.run({QStringLiteral("sandbox"), QStringLiteral("delete")});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY2(gone.err.contains(QLatin1String("There is no sandbox")), qPrintable(gone.err));
    }

    void aSandboxReleaseRunsToDoneOfflineWithEveryEffectOnce()
    {
        QElapsedTimer elapsed;
        elapsed.start();
        const int entriesBefore = keychainEntries();
        QVERIFY(entriesBefore >= 0);
        const CliRun created = m_cli.run({QStringLiteral("sandbox"), QStringLiteral("create"),
                                          QStringLiteral("--time-scale"), QStringLiteral("20")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const CliRun listed =
            cli({QStringLiteral("release"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray releases = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(releases.size(), 1);
        QCOMPARE(releases.first().toObject().value(QStringLiteral("version")).toString(),
                 QStringLiteral("1.0.0"));
        const CliRun connections =
            cli({QStringLiteral("connection"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(connections.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(connections.out.toUtf8()).array();
        QCOMPARE(rows.size(), 4);
        for (const QJsonValue& row : rows)
            QVERIFY2(row.toObject().value(QStringLiteral("verificationStatus")).toString() ==
                         QLatin1String("VALID"),
                     qPrintable(connections.out));

        OrchestratorProcess orchestrator(
            m_environment,
            {QStringLiteral("--workspace"), QStringLiteral("Sandbox"), QStringLiteral("--interval"),
             QStringLiteral("1"), QStringLiteral("--lease-seconds"), QStringLiteral("6")},
            m_dir.filePath(QStringLiteral("orchestrate-%1.log").arg(m_run)));
        QVERIFY(orchestrator.start());
        QJsonObject release = waitFor(
            [](const QJsonObject& r) {
                return r.value(QStringLiteral("pauseReason")).toString() ==
                       QLatin1String("AWAITING_STAGE_TRIGGER");
            },
            90);
        QVERIFY2(release.value(QStringLiteral("cycles")).toArray().size() == 2,
                 qPrintable(describe(release) + orchestrator.output()));
        const CliRun approved =
            cli({QStringLiteral("release"), QStringLiteral("approve"), QStringLiteral("1.0.0")});
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
        release = waitFor(
            [](const QJsonObject& r) {
                return r.value(QStringLiteral("status")).toString() == QLatin1String("COMPLETED");
            },
            90);
        QVERIFY2(release.value(QStringLiteral("stage")).toString() == QLatin1String("DONE"),
                 qPrintable(describe(release) + orchestrator.output()));
        QCOMPARE(orchestrator.terminate(), 0);
        QVERIFY2(elapsed.elapsed() < 180000, qPrintable(QString::number(elapsed.elapsed())));

        // Offline: no request reached the proxy; the keyring is as it was.
        QVERIFY2(m_proxy->requests().isEmpty(), qPrintable(orchestrator.output()));
        QCOMPARE(keychainEntries(), entriesBefore);

        // Each simulated effect, once.
        Database database(DatabaseUrl::parse(m_database).value());
        Result<std::optional<Workspace>> workspace =
            WorkspaceStore(database).findByName(QStringLiteral("Sandbox"));
        QVERIFY(workspace && workspace->has_value());
        const qint64 id = (*workspace)->id;
        SandboxStore sandbox(database);
        Result<QList<ScmBranch>> branches = sandbox.branches(id);
        QVERIFY(branches);
        QStringList branchNames;
        for (const ScmBranch& branch : std::as_const(*branches))
            branchNames << branch.name;
        QCOMPARE(branchNames,
                 (QStringList{QStringLiteral("main"), QStringLiteral("release/1.0.0")}));
        Result<QList<ScmTag>> tags = sandbox.tags(id);
        QVERIFY(tags);
        QStringList tagNames;
        for (const ScmTag& tag : std::as_const(*tags))
            tagNames << tag.name;
        QCOMPARE(tagNames, (QStringList{QStringLiteral("v1.0.0-rc.1"),
                                        QStringLiteral("v1.0.0-rc.2"), QStringLiteral("v1.0.0")}));
        Result<QList<SandboxTicket>> tickets = sandbox.tickets(id);
        QVERIFY(tickets);
        QCOMPARE(tickets->size(), 2);
        for (const SandboxTicket& ticket : std::as_const(*tickets))
            QCOMPARE(ticket.status, SandboxStore::readyState());
        Result<QList<SandboxRun>> runs = sandbox.runs(id);
        QVERIFY(runs);
        // Pre-regression builds (2), regression builds and automation per cycle (2 × 2 × 2),
        // TestFlight (1) and the Android App Bundle (1).
        QCOMPARE(runs->size(), 12);
        QSet<QString> runMarkers;
        for (const SandboxRun& run : std::as_const(*runs)) {
            QVERIFY(run.finished && !run.fails);
            runMarkers.insert(run.marker);
        }
        QCOMPARE(runMarkers.size(), 12);
        Result<QList<SandboxMessage>> messages = sandbox.messages(id);
        QVERIFY(messages);
        QSet<QString> messageMarkers;
        for (const SandboxMessage& message : std::as_const(*messages))
            messageMarkers.insert(message.marker);
        QCOMPARE(messageMarkers.size(), messages->size());
        Result<QSqlQuery> announced = database.run(
            QStringLiteral("SELECT COUNT(*) FROM announcements WHERE workspace_id = ? AND "
                           "status = 'SENT'"),
            {id});
        QVERIFY(announced && announced->next());
        QCOMPARE(messages->size(), announced->value(0).toInt());
        Result<std::optional<ScmRelease>> published = sandbox.release(id, QStringLiteral("v1.0.0"));
        QVERIFY(published && published->has_value());
    }
};

QTEST_GUILESS_MAIN(TestCliSandbox)
#include "tst_cli_sandbox.moc"
