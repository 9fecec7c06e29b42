#include "CliSession.h"
#include "ShippedMigrations.h"
#include "TestBackend.h"
#include "db/MigrationRunner.h"
#include "services/Identity.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The CLI's session: schema checks, the signed-in account and --workspace resolution.
class TestCliSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_globals.database = TestBackend::freshUrl(backend, QStringLiteral("session"), &error);
        QVERIFY2(!m_globals.database.isEmpty(), qPrintable(error));
        m_globals.workspace.clear();
        m_globals.secrets = QStringLiteral("credentials-dir");
        m_shared = backend == QLatin1String("mariadb");
    }

    void aSharedDatabaseMustBeMigratedFirst()
    {
        Result<std::unique_ptr<CliSession>> session =
            CliSession::open(m_globals, CliSession::Schema::Current);
        if (!m_shared) {
            QVERIFY(session.ok());
            return;
        }
        QVERIFY(!session.ok());
        QVERIFY2(session.error().message.endsWith(
                     QStringLiteral("is at schema version 0 and needs %1 more migration(s); run "
                                    "'releasedeck-cli db migrate' first.")
                         .arg(shippedMigrations())),
                 qPrintable(session.error().message));
        QVERIFY(CliSession::open(m_globals, CliSession::Schema::AsIs).ok());
    }

    void resolvesTheWorkspace()
    {
        Result<std::unique_ptr<CliSession>> opened =
            CliSession::open(m_globals, CliSession::Schema::AsIs);
        QVERIFY(opened.ok());
        CliSession& session = **opened;
        QVERIFY(MigrationRunner(session.database()).migrate().ok());

        Result<Workspace> none = session.workspace();
        QCOMPARE(none.error().kind, ErrorKind::Usage);
        QVERIFY(none.error().message.contains(QLatin1String("There is no workspace yet")));

        // Who acts: the local user on a file, the connected database user on a server.
        const Account me = *session.account();
        QCOMPARE(me.login, m_shared ? session.database().url().user : Identity::localLogin());
        QCOMPARE(session.login(), me.login);
        WorkspaceStore workspaces(session.database());
        QVERIFY(workspaces.create(QStringLiteral("Mobile"), me.id).ok());
        QCOMPARE(session.workspace()->name, QStringLiteral("Mobile"));
        const Actor actor = *session.actor();
        QCOMPARE(
            MembershipStore(session.database()).roleOf(actor.workspaceId, actor.accountId)->value(),
            Role::Owner);

        QVERIFY(workspaces.create(QStringLiteral("Web"), me.id).ok());
        Result<Workspace> ambiguous = session.workspace();
        QCOMPARE(ambiguous.error().kind, ErrorKind::Usage);
        QCOMPARE(ambiguous.error().message,
                 QStringLiteral("There are several workspaces; choose one with --workspace NAME: "
                                "Mobile, Web."));

        m_globals.workspace = QStringLiteral("Web");
        QCOMPARE(session.workspace()->name, QStringLiteral("Web"));
        m_globals.workspace = QStringLiteral("Desktop");
        QCOMPARE(session.workspace().error().message,
                 QStringLiteral(
                     "There is no workspace named 'Desktop'; the workspaces are: Mobile, Web."));
    }

private:
    CliGlobals m_globals;
    bool m_shared = false;
};

QTEST_GUILESS_MAIN(TestCliSession)
#include "tst_clisession.moc"
