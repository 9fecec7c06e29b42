#include "InMemorySecretStore.h"
#include "MariaDbClient.h"
#include "ResultText.h"
#include "TeamFixture.h"
#include "backend/AppBackend.h"
#include "secrets/SecretKeys.h"
#include "services/ReleaseActions.h"
#include "store/ReleaseStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Identity is the database login and the server enforces what it may do: the app and the
// CLI signed in as Olga are the same account in the audit trail; a VIEWER's approval is
// refused by the server even when a modified client skips its own check; removing a member
// ends their access at once, also in sessions they opened before.
class TestMemberAccess : public QObject
{
    Q_OBJECT

    static constexpr int TimeoutMs = 30000;

    // The app's backend signed in as member, its password in the keychain as the wizard
    // leaves it.
    std::unique_ptr<AppBackend> appAs(const TeamMember& member)
    {
        auto secrets = std::make_unique<InMemorySecretStore>();
        secrets->write(SecretKeys::databasePassword(m_team.urlOf(member)), member.password);
        QSettings().setValue(QStringLiteral("database/url"), m_team.urlOf(member));
        auto backend = std::make_unique<AppBackend>(std::move(secrets));
        QFuture<BackendStatus> started = backend->start();
        if (!QTest::qWaitFor([&] { return started.isFinished(); }, TimeoutMs) ||
            !started.result().databaseReachable)
            qFatal("the app did not open the database: %s",
                   qPrintable(started.result().databaseError));
        return backend;
    }

    template<typename T>
    static T await(QFuture<T> future)
    {
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, TimeoutMs))
            qFatal("the app's backend did not answer");
        return future.result();
    }

    // The newest events of a workspace: (actor, account id), newest first.
    QList<QPair<QString, qint64>> newestEvents(qint64 workspace, int count)
    {
        std::unique_ptr<Database> admin = m_team.database(nullptr);
        Result<QSqlQuery> query = admin->run(
            QStringLiteral("SELECT actor, account_id FROM events WHERE workspace_id = ? ORDER "
                           "BY seq DESC LIMIT ?"),
            {workspace, count});
        QList<QPair<QString, qint64>> events;
        while (query && query->next())
            events.append({query->value(0).toString(), query->value(1).toLongLong()});
        return events;
    }

    qint64 pausedRelease(const QString& version)
    {
        std::unique_ptr<Database> admin = m_team.database(nullptr);
        Result<QSqlQuery> inserted = admin->run(
            QStringLiteral("INSERT INTO releases (workspace_id, version, base_branch, status, "
                           "pause_reason, created_by) VALUES (?, ?, 'main', 'PAUSED', "
                           "'AWAITING_STAGE_TRIGGER', ?)"),
            {m_team.acme, version, m_team.adminAccountId});
        if (!inserted)
            qFatal("%s", qPrintable(inserted.error().message));
        return inserted->lastInsertId().toLongLong();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("ReleaseDeck"));
        QString error;
        QVERIFY2(m_team.setUp(QStringLiteral("access"), &error), qPrintable(error));
    }

    void cleanupTestCase() { m_team.tearDown(); }

    void theAppAndTheCliAreTheSameAccount()
    {
        const TeamMember& olga = m_team.owner;
        CliRun run = m_team.cli(&olga, {QStringLiteral("--workspace"), QStringLiteral("Acme"),
                                        QStringLiteral("member"), QStringLiteral("role"),
                                        m_team.viewer.email, QStringLiteral("EDITOR")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("is now EDITOR")), qPrintable(run.out));
        run = m_team.cli(&olga, {QStringLiteral("--workspace"), QStringLiteral("Acme"),
                                 QStringLiteral("member"), QStringLiteral("list"),
                                 QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QString cliYou;
        for (const QJsonValue& row : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
            if (row.toObject().value(QStringLiteral("you")).toBool())
                cliYou = row.toObject().value(QStringLiteral("login")).toString();
        }
        QCOMPARE(cliYou, olga.user);

        std::unique_ptr<AppBackend> app = appAs(olga);
        Result<QList<MemberRow>> rows = await(app->listMembers(m_team.acme));
        QVERIFY2(rows.ok(), failureOf(rows).constData());
        QString appYou;
        for (const MemberRow& row : std::as_const(*rows)) {
            if (row.you)
                appYou = row.member.login;
        }
        QCOMPARE(appYou, olga.user);
        Result<Member> back =
            await(app->setMemberRole(m_team.acme, m_team.viewer.accountId, Role::Viewer));
        QVERIFY2(back.ok(), failureOf(back).constData());
        QCOMPARE(back->role, Role::Viewer);

        // Both changes name the same actor and account: the one the server says is connected.
        const QList<QPair<QString, qint64>> events = newestEvents(m_team.acme, 2);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).first, olga.user);
        QCOMPARE(events.at(1).first, olga.user);
        QCOMPARE(events.at(0).second, olga.accountId);
        QCOMPARE(events.at(1).second, olga.accountId);
    }

    // The wizard's join signs in with the person's own account and offers only its
    // workspaces; Finish makes that account the app's, whatever name the form held.
    void joiningShowsTheAccountsOwnWorkspaces()
    {
        const TeamMember& vic = m_team.viewer;
        QSettings().remove(QStringLiteral("database/url"));
        AppBackend backend(std::make_unique<InMemorySecretStore>());
        DatabaseDraft draft;
        draft.shared = true;
        draft.host = m_team.server.host;
        draft.port = m_team.server.port;
        draft.database = m_team.databaseName;
        draft.user = vic.user;
        draft.password = vic.password;
        draft.tls = false;
        Result<QList<WorkspaceSummary>> offered = await(backend.testDatabase(draft));
        QVERIFY2(offered.ok(), failureOf(offered).constData());
        QCOMPARE(offered->size(), 1);
        QCOMPARE(offered->constFirst().name, QStringLiteral("Acme"));
        QCOMPARE(offered->constFirst().role, Role::Viewer);

        WizardResult joined;
        joined.joinWorkspaceId = m_team.acme;
        joined.displayName = QStringLiteral("Somebody Else");
        joined.email = m_team.owner.email;
        joined.database = draft;
        const Status finished = await(backend.finish(joined));
        QVERIFY2(finished.ok(), failureOf(finished).constData());
        Result<QList<MemberRow>> rows = await(backend.listMembers(m_team.acme));
        QVERIFY2(rows.ok(), failureOf(rows).constData());
        for (const MemberRow& row : std::as_const(*rows))
            QCOMPARE(row.you, row.member.login == vic.user);

        // Olga is offered her one workspace too, as its owner; Globex is nobody's here.
        draft.user = m_team.owner.user;
        draft.password = m_team.owner.password;
        offered = await(backend.testDatabase(draft));
        QVERIFY2(offered.ok(), failureOf(offered).constData());
        QCOMPARE(offered->size(), 1);
        QCOMPARE(offered->constFirst().role, Role::Owner);
    }

    void aViewerCannotApproveEvenPastTheClientCheck()
    {
        const qint64 release = pausedRelease(QStringLiteral("2.0.0"));
        const TeamMember& vic = m_team.viewer;
        std::unique_ptr<Database> vicDatabase = m_team.database(&vic);

        // The client's own check, as the app and the CLI run it.
        ReleaseActions actions(*vicDatabase, vic.user);
        Result<Release> honest = actions.approve({m_team.acme, vic.accountId}, release, 0);
        QVERIFY(!honest.ok());
        QCOMPARE(honest.error().kind, ErrorKind::Forbidden);

        // A modified client that claims to be Olga passes its own check; the server refuses.
        Result<Release> forged = actions.approve({m_team.acme, m_team.owner.accountId}, release, 0);
        QVERIFY(!forged.ok());
        QCOMPARE(forged.error().kind, ErrorKind::Forbidden);
        QVERIFY2(forged.error().message.contains(
                     QStringLiteral("the database account '%1' may not ").arg(vic.user)),
                 qPrintable(forged.error().message));

        // Vic becomes an EDITOR of Globex, so his grants allow changing releases in general:
        // the server's trigger still refuses Acme's, in a sentence naming his role there.
        CliRun run =
            m_team.cli(nullptr, {QStringLiteral("--workspace"), QStringLiteral("Globex"),
                                 QStringLiteral("member"), QStringLiteral("add"), vic.email,
                                 QStringLiteral("--name"), vic.name, QStringLiteral("--role"),
                                 QStringLiteral("EDITOR"), QStringLiteral("--db-user"), vic.user});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("the existing database account")),
                 qPrintable(run.out));
        forged = actions.approve({m_team.acme, m_team.owner.accountId}, release, 0);
        QVERIFY(!forged.ok());
        QCOMPARE(forged.error().kind, ErrorKind::Forbidden);
        // Approving moves tasks and the release; whichever the server reaches first refuses.
        QVERIFY2(forged.error().message.startsWith(
                     QLatin1String("Your role in Acme is Viewer, which cannot change ")) &&
                     forged.error().message.endsWith(
                         QLatin1String("; ask an owner to make you an editor.")),
                 qPrintable(forged.error().message));
        run = m_team.cli(nullptr, {QStringLiteral("--workspace"), QStringLiteral("Globex"),
                                   QStringLiteral("member"), QStringLiteral("remove"), vic.user});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        Result<std::optional<Release>> after =
            ReleaseStore(*m_team.database(nullptr)).findById(m_team.acme, release);
        QVERIFY(after.ok() && after->has_value());
        QCOMPARE((*after)->status, ReleaseStatus::Paused);
        QCOMPARE((*after)->rowVersion, qint64(1));
    }

    void removingAMemberEndsTheirAccessAtOnce()
    {
        const TeamMember& ed = m_team.editor;
        const MariaDbClient client = m_team.client(ed);
        MariaDbClient::Session shell(client);
        QCOMPARE(shell.send(QStringLiteral("SELECT 'ed is in'")), QStringLiteral("ed is in"));
        std::unique_ptr<Database> app = m_team.database(&ed);
        QVERIFY(app->run(QStringLiteral("SELECT COUNT(*) FROM releases")).ok());

        const CliRun run = m_team.cli(
            &m_team.owner, {QStringLiteral("--workspace"), QStringLiteral("Acme"),
                            QStringLiteral("member"), QStringLiteral("remove"), ed.email});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        // The shell opened before the removal: its next statement is refused.
        const QString answer = shell.send(QStringLiteral("SELECT 'still here'"));
        // (The client echoes a failed statement; only an answer is a line of its own.)
        QVERIFY2(!answer.split(QLatin1Char('\n')).contains(QStringLiteral("still here")),
                 qPrintable(answer));
        QVERIFY2(answer.contains(QLatin1String("ERROR")), qPrintable(answer));
        // So is the app's connection, and every new one.
        QVERIFY(!app->run(QStringLiteral("SELECT COUNT(*) FROM releases")).ok());
        Result<QSqlQuery> again = app->run(QStringLiteral("SELECT COUNT(*) FROM releases"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Unauthorized);
        QVERIFY(!client.run(QStringLiteral("SELECT 1")).ok);
        // Release Deck created the account, so it is gone from the server.
        std::unique_ptr<Database> admin = m_team.database(nullptr);
        Result<QSqlQuery> users =
            admin->run(QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = ?"), {ed.user});
        QVERIFY(users.ok() && users->next());
        QCOMPARE(users->value(0).toInt(), 0);
    }

private:
    TeamFixture m_team;
};

QTEST_MAIN(TestMemberAccess)
#include "tst_member_access.moc"
