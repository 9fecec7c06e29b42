#include "StoreSeed.h"
#include "TestBackend.h"
#include "store/ConnectionStore.h"

#include <QJsonObject>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Connections on SQLite and MariaDB: the one-active-per-category rule, roles, isolation.
class TestConnectionStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("connections"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
    }

    void cleanup() { m_database.reset(); }

    void roundTripsEveryField()
    {
        ConnectionStore store(*m_database);
        Result<Connection> inserted = store.insert(m_seed.ownerA, github());
        QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().message));
        QVERIFY(inserted->id > 0);
        QCOMPARE(inserted->workspaceId, m_seed.workspaceA);
        QCOMPARE(inserted->category, ConnectionCategory::Scm);
        QCOMPARE(inserted->provider, QStringLiteral("github"));
        QCOMPARE(inserted->displayName, QStringLiteral("GitHub acme/app"));
        QCOMPARE(inserted->config.value(QStringLiteral("owner")).toString(),
                 QStringLiteral("acme"));
        QCOMPARE(inserted->secretRef, QStringLiteral("workspace-1/connection-test"));
        QVERIFY(inserted->active);
        QCOMPARE(inserted->status, VerificationStatus::Pending);
        QVERIFY(!inserted->lastVerifiedAt.isValid());
        QCOMPARE(inserted->createdBy, m_seed.ownerA.accountId);
        QVERIFY(inserted->createdAt.isValid());
        QCOMPARE(inserted->createdAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(inserted->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);

        const QDateTime verifiedAt = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
        QVERIFY(store
                    .updateVerification(m_seed.editorA, inserted->id, VerificationStatus::Invalid,
                                        verifiedAt, QStringLiteral("Bad credentials"))
                    .ok());
        Result<std::optional<Connection>> found = store.findById(m_seed.workspaceA, inserted->id);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->status, VerificationStatus::Invalid);
        QCOMPARE((*found)->lastVerifiedAt, verifiedAt);
        QCOMPARE((*found)->verificationError, QStringLiteral("Bad credentials"));

        Connection edited = **found;
        edited.displayName = QStringLiteral("Renamed");
        edited.config.insert(QStringLiteral("repo"), QStringLiteral("web"));
        QVERIFY(store.updateSettings(m_seed.ownerA, edited).ok());
        QCOMPARE(store.findById(m_seed.workspaceA, inserted->id)
                     ->value()
                     .config.value(QStringLiteral("repo")),
                 QJsonValue(QStringLiteral("web")));
    }

    void databaseAllowsOneActivePerCategory()
    {
        ConnectionStore store(*m_database);
        QVERIFY(store.insert(m_seed.ownerA, github()).ok());
        Result<Connection> second = store.insert(m_seed.ownerA, github());
        QVERIFY(!second.ok());
        QCOMPARE(second.error().kind, ErrorKind::Conflict);
        QCOMPARE(second.error().message,
                 QStringLiteral("This workspace already has an active Source control connection; "
                                "remove it first."));
        // Another category, and the same category in another workspace, are fine.
        Connection chat = github();
        chat.category = ConnectionCategory::Chat;
        chat.provider = QStringLiteral("slack");
        QVERIFY(store.insert(m_seed.ownerA, chat).ok());
        QVERIFY(store.insert(m_seed.ownerB, github()).ok());
        // Inactive rows do not count.
        Connection old = github();
        old.active = false;
        QVERIFY(store.insert(m_seed.ownerA, old).ok());
        QCOMPARE(store.listActive(m_seed.workspaceA)->size(), 2);
    }

    void replaceDeactivatesTheOldOne()
    {
        ConnectionStore store(*m_database);
        const qint64 first = store.insert(m_seed.ownerA, github())->id;
        Connection gitlab = github();
        gitlab.provider = QStringLiteral("gitlab");
        Result<Connection> replaced = store.replace(m_seed.ownerA, gitlab);
        QVERIFY(replaced.ok());
        QVERIFY(!store.findById(m_seed.workspaceA, first)->value().active);
        QCOMPARE(store.findActive(m_seed.workspaceA, ConnectionCategory::Scm)->value().provider,
                 QStringLiteral("gitlab"));
        QVERIFY(store.deactivate(m_seed.ownerA, replaced->id).ok());
        QVERIFY(!store.findActive(m_seed.workspaceA, ConnectionCategory::Scm)->has_value());
    }

    void rolesAreEnforced()
    {
        ConnectionStore store(*m_database);
        for (const Actor& actor : {m_seed.editorA, m_seed.viewerA}) {
            Result<Connection> refused = store.insert(actor, github());
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, ErrorKind::Forbidden);
            QVERIFY2(refused.error().message.contains(
                         QLatin1String("only an OWNER can add connections")),
                     qPrintable(refused.error().message));
        }
        const qint64 id = store.insert(m_seed.ownerA, github())->id;
        QCOMPARE(store.deactivate(m_seed.editorA, id).error().kind, ErrorKind::Forbidden);
        Status viewer = store.updateVerification(m_seed.viewerA, id, VerificationStatus::Valid,
                                                 QDateTime::currentDateTimeUtc(), {});
        QCOMPARE(viewer.error().kind, ErrorKind::Forbidden);
        QCOMPARE(viewer.error().message,
                 QStringLiteral("Your role here is VIEWER; only an OWNER or EDITOR can record a "
                                "verification."));
        QVERIFY(store.listActive(m_seed.workspaceA)->constFirst().status ==
                VerificationStatus::Pending);
    }

    void workspacesAreIsolated()
    {
        ConnectionStore store(*m_database);
        const qint64 id = store.insert(m_seed.ownerA, github())->id;
        // Acting in B, nothing of A is visible or writable.
        QVERIFY(!store.findById(m_seed.workspaceB, id)->has_value());
        QVERIFY(store.listActive(m_seed.workspaceB)->isEmpty());
        QCOMPARE(store.deactivate(m_seed.ownerB, id).error().kind, ErrorKind::NotFound);
        QCOMPARE(store
                     .updateVerification(m_seed.ownerB, id, VerificationStatus::Valid,
                                         QDateTime::currentDateTimeUtc(), {})
                     .error()
                     .kind,
                 ErrorKind::NotFound);
        Connection hijack = store.findById(m_seed.workspaceA, id)->value();
        hijack.displayName = QStringLiteral("hijacked");
        QCOMPARE(store.updateSettings(m_seed.ownerB, hijack).error().kind, ErrorKind::NotFound);
        // A claims to act in A without being a member: refused.
        QCOMPARE(store.insert({m_seed.workspaceA, m_seed.ownerB.accountId}, github()).error().kind,
                 ErrorKind::Forbidden);
        const Connection after = store.findById(m_seed.workspaceA, id)->value();
        QVERIFY(after.active);
        QCOMPARE(after.displayName, QStringLiteral("GitHub acme/app"));
        QCOMPARE(after.status, VerificationStatus::Pending);
    }

private:
    static Connection github()
    {
        Connection c;
        c.category = ConnectionCategory::Scm;
        c.provider = QStringLiteral("github");
        c.displayName = QStringLiteral("GitHub acme/app");
        c.config = QJsonObject{{QStringLiteral("owner"), QStringLiteral("acme")},
                               {QStringLiteral("repo"), QStringLiteral("app")}};
        c.secretRef = QStringLiteral("workspace-1/connection-test");
        return c;
    }

    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
};

QTEST_GUILESS_MAIN(TestConnectionStore)
#include "tst_connectionstore.moc"
