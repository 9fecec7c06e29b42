#include "StoreSeed.h"
#include "TestBackend.h"
#include "store/ReleaseStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Releases on SQLite and MariaDB: optimistic concurrency, roles, isolation.
class TestReleaseStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("releases"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
    }

    void cleanup() { m_database.reset(); }

    void createsAndReads()
    {
        ReleaseStore store(*m_database);
        Release release = planned(QStringLiteral("1.4.0"));
        release.kickoffAt = QDateTime(QDate(2026, 5, 1), QTime(9, 30), Qt::UTC);
        release.pilotId = m_seed.viewerA.accountId;
        Result<Release> created = store.create(m_seed.editorA, release);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created->rowVersion, 1);
        QCOMPARE(created->version, QStringLiteral("1.4.0"));
        QCOMPARE(created->status, ReleaseStatus::Pending);
        QCOMPARE(created->stage, Stage::Kickoff);
        QCOMPARE(created->kickoffAt, release.kickoffAt);
        QCOMPARE(created->pilotId, m_seed.viewerA.accountId);
        QCOMPARE(created->createdBy, m_seed.editorA.accountId);
        QCOMPARE(store.create(m_seed.editorA, release).error().kind, ErrorKind::Conflict);
    }

    void refusesAStaleWrite()
    {
        ReleaseStore store(*m_database);
        const Release original = *store.create(m_seed.ownerA, planned(QStringLiteral("2.0.0")));
        Release mine = original;
        Release theirs = original;
        theirs.status = ReleaseStatus::InProgress;
        Result<Release> first = store.update(m_seed.editorA, theirs);
        QVERIFY(first.ok());
        QCOMPARE(first->rowVersion, 2);
        mine.status = ReleaseStatus::Cancelled;
        Result<Release> stale = store.update(m_seed.ownerA, mine);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().kind, ErrorKind::Conflict);
        QCOMPARE(
            stale.error().message,
            QStringLiteral("Release 2.0.0 was changed by someone else; reload it and try again."));
        const Release now = store.findById(m_seed.workspaceA, original.id)->value();
        QCOMPARE(now.status, ReleaseStatus::InProgress);
        QCOMPARE(now.rowVersion, 2);
        // Rereading and writing again works.
        Release again = now;
        again.status = ReleaseStatus::Paused;
        again.pauseReason = PauseReason::UserRequested;
        QCOMPARE(store.update(m_seed.ownerA, again)->rowVersion, 3);
    }

    void viewersAndOutsidersCannotWrite()
    {
        ReleaseStore store(*m_database);
        Result<Release> refused = store.create(m_seed.viewerA, planned(QStringLiteral("3.0.0")));
        QCOMPARE(refused.error().kind, ErrorKind::Forbidden);
        QVERIFY(refused.error().message.contains(
            QLatin1String("only an OWNER or EDITOR can create releases")));
        const Release release = *store.create(m_seed.editorA, planned(QStringLiteral("3.0.0")));
        Release changed = release;
        changed.status = ReleaseStatus::Cancelled;
        QCOMPARE(store.update(m_seed.viewerA, changed).error().kind, ErrorKind::Forbidden);
        QCOMPARE(store.update(m_seed.ownerB, changed).error().kind, ErrorKind::NotFound);
        QVERIFY(!store.findById(m_seed.workspaceB, release.id)->has_value());
        QVERIFY(store.list(m_seed.workspaceB)->isEmpty());
        QCOMPARE(store.findById(m_seed.workspaceA, release.id)->value().status,
                 ReleaseStatus::Pending);
    }

private:
    static Release planned(const QString& version)
    {
        Release r;
        r.version = version;
        r.baseBranch = QStringLiteral("main");
        r.releaseBranch = QStringLiteral("release/") + version;
        return r;
    }

    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
};

QTEST_GUILESS_MAIN(TestReleaseStore)
#include "tst_releasestore.moc"
