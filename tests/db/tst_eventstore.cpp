#include "ShippedMigrations.h"
#include "StoreSeed.h"
#include "TestBackend.h"
#include "db/MigrationRunner.h"
#include "db/Transaction.h"
#include "store/EventStore.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The event feed on SQLite and MariaDB: per-workspace seq in commit order, since-seq, newest
// first, isolation, and existing events numbered by the migration.
class TestEventStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("events"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
    }

    void cleanup() { m_database.reset(); }

    void seqNumbersEachWorkspaceAndFeedsFollow()
    {
        EventStore store(*m_database);
        QList<qint64> seqs;
        for (int i = 0; i < 5; ++i) {
            Result<qint64> seq =
                store.append(m_seed.editorA, event(QStringLiteral("k%1").arg(i % 2), i));
            QVERIFY2(seq.ok(), qPrintable(seq.ok() ? QString() : seq.error().message));
            seqs.append(*seq);
        }
        QCOMPARE(seqs, (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(*store.append(m_seed.ownerB, event(QStringLiteral("b"), 9)), 1);

        Result<QList<Event>> since = store.listSince(m_seed.workspaceA, 2);
        QVERIFY(since.ok());
        QCOMPARE(since->size(), 3);
        QCOMPARE(since->constFirst().seq, 3);
        QCOMPARE(since->constLast().seq, 5);
        QCOMPARE(since->constFirst().workspaceId, m_seed.workspaceA);
        QCOMPARE(since->constFirst().message, QStringLiteral("message 2"));
        QCOMPARE(since->constFirst().data.value(QStringLiteral("n")).toInt(), 2);
        QCOMPARE(since->constFirst().accountId, m_seed.editorA.accountId);
        QCOMPARE(since->constFirst().actor, QStringLiteral("editor@a"));
        QCOMPARE(store.listSince(m_seed.workspaceA, 0, 2)->constLast().seq, 2);

        EventFilter filter;
        filter.kind = QStringLiteral("k0");
        Result<QList<Event>> newest = store.listNewest(m_seed.workspaceA, filter);
        QCOMPARE(newest->size(), 3);
        QCOMPARE(newest->constFirst().seq, 5);
        QCOMPARE(newest->constLast().seq, 1);
        filter.beforeSeq = 5;
        filter.limit = 1;
        QCOMPARE(store.listNewest(m_seed.workspaceA, filter)->constFirst().seq, 3);
    }

    // A rolled-back append gives its number back: the feed has no gaps.
    void aRolledBackAppendLeavesNoGap()
    {
        EventStore store(*m_database);
        QCOMPARE(*store.append(m_seed.editorA, event(QStringLiteral("k"), 1)), 1);
        {
            Transaction abandoned(*m_database);
            QCOMPARE(*store.append(m_seed.editorA, event(QStringLiteral("k"), 2)), 2);
        }
        QCOMPARE(*store.append(m_seed.editorA, event(QStringLiteral("k"), 3)), 2);
        Result<QList<Event>> all = store.listSince(m_seed.workspaceA, 0);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->constLast().message, QStringLiteral("message 3"));
    }

    void viewersCannotAppend()
    {
        EventStore store(*m_database);
        Result<qint64> refused = store.append(m_seed.viewerA, event(QStringLiteral("k"), 0));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Forbidden);
        QVERIFY(store.listSince(m_seed.workspaceA, 0)->isEmpty());
    }

    void workspacesAreIsolated()
    {
        EventStore store(*m_database);
        QVERIFY(store.append(m_seed.ownerA, event(QStringLiteral("a"), 1)).ok());
        QVERIFY(store.append(m_seed.ownerB, event(QStringLiteral("b"), 2)).ok());
        Result<QList<Event>> b = store.listSince(m_seed.workspaceB, 0);
        QCOMPARE(b->size(), 1);
        QCOMPARE(b->constFirst().kind, QStringLiteral("b"));
        QCOMPARE(store.listNewest(m_seed.workspaceB, {})->size(), 1);
        // The owner of B cannot write into A.
        QCOMPARE(
            store
                .append({m_seed.workspaceA, m_seed.ownerB.accountId}, event(QStringLiteral("x"), 3))
                .error()
                .kind,
            ErrorKind::Forbidden);
        QCOMPARE(store.listSince(m_seed.workspaceA, 0)->size(), 1);
    }

    // Migration 006 numbers the events already there by id, per workspace, and the next
    // append goes on from there; on MariaDB the whole step may run again (a crash before its
    // record) and changes nothing.
    void theMigrationNumbersExistingEventsById()
    {
        MigrationRunner runner(*m_database);
        QVERIFY(runner.rollbackTo(5).ok());
        const QList<qint64> workspaces = {m_seed.workspaceA, m_seed.workspaceB, m_seed.workspaceA,
                                          m_seed.workspaceA, m_seed.workspaceB};
        for (int i = 0; i < workspaces.size(); ++i)
            QVERIFY(m_database
                        ->run(QStringLiteral("INSERT INTO events (workspace_id, actor, kind, "
                                             "message) VALUES (?, 'old@host', 'old', ?)"),
                              {workspaces.at(i), QStringLiteral("old %1").arg(i)})
                        .ok());
        Result<int> applied = runner.migrate();
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        QCOMPARE(*applied, shippedMigrations() - 5);
        if (m_database->dialect() == Dialect::MySql) {
            const QStringList statements =
                Migration::statements(runner.available()->constLast().up);
            for (const QString& statement : statements) {
                Result<QSqlQuery> again = m_database->run(statement);
                QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
            }
        }

        EventStore store(*m_database);
        QCOMPARE(numbered(store, m_seed.workspaceA), QStringLiteral("1:old 0,2:old 2,3:old 3"));
        QCOMPARE(numbered(store, m_seed.workspaceB), QStringLiteral("1:old 1,2:old 4"));
        QCOMPARE(*store.append(m_seed.editorA, event(QStringLiteral("new"), 5)), 4);
        QCOMPARE(*store.append(m_seed.ownerB, event(QStringLiteral("new"), 6)), 3);
    }

    // Transaction A appends first and commits last; B appends and commits in between. A
    // reader that read after B's turn and again after A's commit must have seen both.
    void aFollowerSeesEventsCommittedOutOfOrder()
    {
        QSemaphore appendedA;
        QSemaphore commitA;
        Status committedA;
        std::unique_ptr<QThread> a(QThread::create([&] {
            Transaction transaction(*m_database);
            EventStore store(*m_database);
            if (Result<qint64> appended =
                    store.append(m_seed.editorA, event(QStringLiteral("a"), 1));
                !appended)
                committedA = appended.error();
            appendedA.release();
            commitA.acquire();
            if (committedA.ok())
                committedA = transaction.commit();
        }));
        Status committedB;
        std::unique_ptr<QThread> b(QThread::create([&] {
            Transaction transaction(*m_database);
            EventStore store(*m_database);
            Result<qint64> appended = store.append(m_seed.editorA, event(QStringLiteral("b"), 2));
            committedB = appended ? transaction.commit() : Status(appended.error());
        }));
        a->start();
        appendedA.acquire();
        b->start();
        // B either commits now (nothing holds it back) or waits for A; both are given time.
        b->wait(QDeadlineTimer(2000));

        EventStore reader(*m_database);
        Result<QList<Event>> first = reader.listSince(m_seed.workspaceA, 0);
        QVERIFY2(first.ok(), qPrintable(describe(first)));
        QList<Event> seen = *first;
        const qint64 cursor = seen.isEmpty() ? 0 : seen.constLast().seq;

        commitA.release();
        QVERIFY(a->wait(QDeadlineTimer(30000)));
        QVERIFY(b->wait(QDeadlineTimer(30000)));
        QVERIFY2(committedA.ok(), qPrintable(committedA.error().message));
        QVERIFY2(committedB.ok(), qPrintable(committedB.error().message));

        Result<QList<Event>> second = reader.listSince(m_seed.workspaceA, cursor);
        QVERIFY2(second.ok(), qPrintable(describe(second)));
        seen += *second;
        QStringList kinds;
        QList<qint64> seqs;
        for (const Event& e : std::as_const(seen)) {
            kinds.append(e.kind);
            seqs.append(e.seq);
        }
        QCOMPARE(kinds.join(QLatin1Char(',')), QStringLiteral("a,b"));
        QCOMPARE(seqs, (QList<qint64>{1, 2}));
    }

private:
    // "seq:message,…" of the workspace's feed.
    static QString numbered(EventStore& store, qint64 workspaceId)
    {
        const Result<QList<Event>> events = store.listSince(workspaceId, 0);
        if (!events)
            return events.error().message;
        QStringList lines;
        for (const Event& e : *events)
            lines.append(QStringLiteral("%1:%2").arg(e.seq).arg(e.message));
        return lines.join(QLatin1Char(','));
    }

    static QString describe(const Result<QList<Event>>& result)
    {
        return result.ok() ? QString() : result.error().message;
    }

    static Event event(const QString& kind, int n)
    {
        Event e;
        e.actor = n >= 0 ? QStringLiteral("editor@a") : QString();
        e.kind = kind;
        e.message = QStringLiteral("message %1").arg(n);
        e.data = QJsonObject{{QStringLiteral("n"), n}};
        return e;
    }

    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
};

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
