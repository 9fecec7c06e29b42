#include "StoreSeed.h"
#include "TestBackend.h"
#include "store/EventStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The event feed on SQLite and MariaDB: growing ids, since-id, newest first, isolation.
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

    void idsGrowAndFeedsFollow()
    {
        EventStore store(*m_database);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            Result<qint64> id =
                store.append(m_seed.editorA, event(QStringLiteral("k%1").arg(i % 2), i));
            QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
            if (!ids.isEmpty())
                QVERIFY(*id > ids.last());
            ids.append(*id);
        }
        Result<QList<Event>> since = store.listSince(m_seed.workspaceA, ids.at(1));
        QVERIFY(since.ok());
        QCOMPARE(since->size(), 3);
        QCOMPARE(since->constFirst().id, ids.at(2));
        QCOMPARE(since->constFirst().message, QStringLiteral("message 2"));
        QCOMPARE(since->constFirst().data.value(QStringLiteral("n")).toInt(), 2);
        QCOMPARE(since->constFirst().accountId, m_seed.editorA.accountId);
        QCOMPARE(since->constFirst().actor, QStringLiteral("editor@a"));

        EventFilter filter;
        filter.kind = QStringLiteral("k0");
        Result<QList<Event>> newest = store.listNewest(m_seed.workspaceA, filter);
        QCOMPARE(newest->size(), 3);
        QCOMPARE(newest->constFirst().id, ids.at(4));
        QCOMPARE(newest->constLast().id, ids.at(0));
        filter.beforeId = ids.at(4);
        filter.limit = 1;
        QCOMPARE(store.listNewest(m_seed.workspaceA, filter)->constFirst().id, ids.at(2));
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

private:
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
