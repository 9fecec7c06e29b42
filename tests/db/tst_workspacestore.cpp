#include "StoreSeed.h"
#include "TestBackend.h"
#include "store/AccountStore.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Workspaces, accounts and memberships, on SQLite and MariaDB.
class TestWorkspaceStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("workspaces"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
    }

    void cleanup() { m_database.reset(); }

    void creatorBecomesOwner()
    {
        MembershipStore memberships(*m_database);
        Result<std::optional<Role>> role =
            memberships.roleOf(m_seed.workspaceA, m_seed.ownerA.accountId);
        QVERIFY(role.ok());
        QCOMPARE(role->value(), Role::Owner);
        Result<std::optional<Role>> viewer =
            memberships.roleOf(m_seed.workspaceA, m_seed.viewerA.accountId);
        QCOMPARE(viewer->value(), Role::Viewer);
        Result<std::optional<Role>> outsider =
            memberships.roleOf(m_seed.workspaceB, m_seed.viewerA.accountId);
        QVERIFY(outsider.ok());
        QVERIFY(!outsider->has_value());
    }

    void listsAndFinds()
    {
        WorkspaceStore workspaces(*m_database);
        Result<QList<Workspace>> all = workspaces.list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, QStringLiteral("Alpha"));
        Result<QList<Workspace>> mine = workspaces.listForAccount(m_seed.ownerB.accountId);
        QCOMPARE(mine->size(), 1);
        QCOMPARE(mine->constFirst().name, QStringLiteral("Beta"));
        Result<std::optional<Workspace>> found = workspaces.findByName(QStringLiteral("Beta"));
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->id, m_seed.workspaceB);
        QCOMPARE((*found)->createdBy, m_seed.ownerB.accountId);
        QVERIFY((*found)->createdAt.isValid());
        QVERIFY(!workspaces.findByName(QStringLiteral("Gamma"))->has_value());
    }

    void refusesADuplicateName()
    {
        WorkspaceStore workspaces(*m_database);
        Result<Workspace> again =
            workspaces.create(QStringLiteral("Alpha"), m_seed.ownerB.accountId);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(again.error().message,
                 QStringLiteral("A workspace named 'Alpha' already exists."));
        // Nothing half-written: no membership for a workspace that does not exist.
        QCOMPARE(workspaces.listForAccount(m_seed.ownerB.accountId)->size(), 1);
    }

    void accountsAreFoundOrCreatedOnce()
    {
        AccountStore accounts(*m_database);
        Result<Account> first = accounts.ensure(QStringLiteral("new@host"), QStringLiteral("New"));
        Result<Account> second =
            accounts.ensure(QStringLiteral("new@host"), QStringLiteral("Other"));
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->id, second->id);
        QCOMPARE(second->displayName, QStringLiteral("New"));
    }

    void onlyAnOwnerManagesMembers()
    {
        AccountStore accounts(*m_database);
        MembershipStore memberships(*m_database);
        const qint64 newcomer = accounts.ensure(QStringLiteral("new@host"), {})->id;
        for (const Actor& actor : {m_seed.editorA, m_seed.viewerA}) {
            Status refused = memberships.add(actor, newcomer, Role::Viewer);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, ErrorKind::Forbidden);
            QVERIFY2(
                refused.error().message.contains(QLatin1String("only an OWNER can add members")),
                qPrintable(refused.error().message));
        }
        // The owner of B is no one in A.
        Status outsider =
            memberships.add({m_seed.workspaceA, m_seed.ownerB.accountId}, newcomer, Role::Viewer);
        QCOMPARE(outsider.error().kind, ErrorKind::Forbidden);
        QVERIFY(memberships.add(m_seed.ownerA, newcomer, Role::Editor).ok());
        QCOMPARE(memberships.roleOf(m_seed.workspaceA, newcomer)->value(), Role::Editor);
        const QList<Member> members = *memberships.members(m_seed.workspaceA);
        QCOMPARE(members.size(), 4);
        // Owners first, with their accounts.
        QCOMPARE(members.constFirst().role, Role::Owner);
        QCOMPARE(members.constFirst().accountId, m_seed.ownerA.accountId);
        QVERIFY(!members.constFirst().login.isEmpty());
        QCOMPARE(memberships.add(m_seed.ownerA, newcomer, Role::Viewer).error().kind,
                 ErrorKind::Conflict);
    }

    void keepsAnOwner()
    {
        MembershipStore memberships(*m_database);
        Status demoted = memberships.setRole(m_seed.ownerA, m_seed.ownerA.accountId, Role::Viewer);
        QVERIFY(!demoted.ok());
        QCOMPARE(demoted.error().message, QStringLiteral("A workspace needs at least one OWNER."));
        QVERIFY(memberships.setRole(m_seed.ownerA, m_seed.editorA.accountId, Role::Owner).ok());
        Status stepped = memberships.setRole(m_seed.ownerA, m_seed.ownerA.accountId, Role::Viewer);
        QVERIFY2(stepped.ok(), qPrintable(stepped.ok() ? QString() : stepped.error().message));
        QVERIFY(memberships.remove(m_seed.editorA, m_seed.viewerA.accountId).ok());
        QVERIFY(!memberships.roleOf(m_seed.workspaceA, m_seed.viewerA.accountId)->has_value());
    }

private:
    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
};

QTEST_GUILESS_MAIN(TestWorkspaceStore)
#include "tst_workspacestore.moc"
