#include "backend/ReleaseFeed.h"

#include <QPromise>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <chrono>

using namespace ReleaseDeck;
using namespace std::chrono_literals;

// The window's feed follower with a scripted backend: it asks from the board's position,
// moves on only with what an answer read (a failed request is asked again from the same
// seq), asks again at once when told more waits or after a change made here, keeps one
// request in flight, and drops answers for a workspace it no longer follows.
class TestReleaseFeed : public QObject
{
    Q_OBJECT

private:
    struct Call
    {
        qint64 workspaceId = 0;
        qint64 afterSeq = 0;
        std::shared_ptr<QPromise<Result<BoardChanges>>> promise;
    };

    QList<Call> m_calls;

    ReleaseFeed::Fetch fetch()
    {
        return [this](qint64 workspaceId, qint64 afterSeq) {
            auto promise = std::make_shared<QPromise<Result<BoardChanges>>>();
            promise->start();
            m_calls.append({workspaceId, afterSeq, promise});
            return promise->future();
        };
    }

    static void answer(const Call& call, Result<BoardChanges> result)
    {
        call.promise->addResult(std::move(result));
        call.promise->finish();
    }

    static BoardChanges changes(qint64 seq, QList<qint64> ids = {}, bool more = false)
    {
        BoardChanges changes;
        changes.feedSeq = seq;
        changes.more = more;
        for (const qint64 id : ids) {
            ReleaseSummary summary;
            summary.release.id = id;
            changes.changed.append(summary);
        }
        changes.now = QDateTime::currentDateTimeUtc();
        return changes;
    }

private slots:
    void init() { m_calls.clear(); }

    void neverSkipsAnEventWhenARequestFails()
    {
        ReleaseFeed feed(fetch());
        feed.setInterval(20ms);
        QSignalSpy changed(&feed, &ReleaseFeed::releasesChanged);
        feed.follow(7, 40, std::nullopt, QDateTime::currentDateTimeUtc());
        QTRY_COMPARE(m_calls.size(), 1);
        QCOMPARE(m_calls.at(0).workspaceId, qint64(7));
        QCOMPARE(m_calls.at(0).afterSeq, qint64(40));
        answer(m_calls.at(0), Error::unavailable(QStringLiteral("The database went away.")));
        QTRY_COMPARE(m_calls.size(), 2);
        QCOMPARE(m_calls.at(1).afterSeq, qint64(40));
        QCOMPARE(feed.error(), QStringLiteral("The database went away."));
        answer(m_calls.at(1), changes(43, {5, 6}));
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(1).value<QList<ReleaseSummary>>().size(), 2);
        QTRY_COMPARE(m_calls.size(), 3);
        QCOMPARE(m_calls.at(2).afterSeq, qint64(43));
        QVERIFY(feed.error().isEmpty());
    }

    void asksAgainAtOnceWhenMoreWaitsOrAfterAChangeHere()
    {
        ReleaseFeed feed(fetch());
        feed.setInterval(1h);
        feed.follow(1, 0, std::nullopt, QDateTime::currentDateTimeUtc());
        feed.pollNow();
        QCOMPARE(m_calls.size(), 1);
        // One request at a time: a change made meanwhile asks again when it ends.
        feed.pollNow();
        QCOMPARE(m_calls.size(), 1);
        answer(m_calls.at(0), changes(2, {1}));
        QTRY_COMPARE(m_calls.size(), 2);
        QCOMPARE(m_calls.at(1).afterSeq, qint64(2));
        // More than one answer holds: the rest is asked for at once.
        answer(m_calls.at(1), changes(5002, {1}, true));
        QTRY_COMPARE(m_calls.size(), 3);
        QCOMPARE(m_calls.at(2).afterSeq, qint64(5002));
        answer(m_calls.at(2), changes(5003));
        // Then it waits for the interval.
        QTest::qWait(50);
        QCOMPARE(m_calls.size(), 3);
        QCOMPARE(feed.seq(), qint64(5003));
    }

    void saysWhenTrainsOrTheirReleasesChanged()
    {
        ReleaseFeed feed(fetch());
        feed.setInterval(1h);
        QSignalSpy trains(&feed, &ReleaseFeed::trainsChanged);
        feed.follow(3, 0, std::nullopt, QDateTime::currentDateTimeUtc());
        feed.pollNow();
        answer(m_calls.at(0), changes(1, {8}));
        QTRY_COMPARE(feed.seq(), qint64(1));
        QCOMPARE(trains.size(), 0);
        feed.pollNow();
        BoardChanges edited = changes(2);
        edited.trainsChanged = true;
        answer(m_calls.at(1), edited);
        QTRY_COMPARE(trains.size(), 1);
        QCOMPARE(trains.at(0).at(0).toLongLong(), qint64(3));
        feed.pollNow();
        BoardChanges kickedOff = changes(3, {9});
        kickedOff.changed.first().release.configId = 4;
        answer(m_calls.at(2), kickedOff);
        QTRY_COMPARE(trains.size(), 2);
    }

    void dropsAnswersForAWorkspaceNoLongerFollowed()
    {
        ReleaseFeed feed(fetch());
        feed.setInterval(1h);
        QSignalSpy changed(&feed, &ReleaseFeed::releasesChanged);
        feed.follow(1, 10, std::nullopt, QDateTime::currentDateTimeUtc());
        feed.pollNow();
        feed.follow(2, 3, std::nullopt, QDateTime::currentDateTimeUtc());
        answer(m_calls.at(0), changes(12, {9}));
        QTest::qWait(50);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(feed.seq(), qint64(3));
        feed.pollNow();
        QCOMPARE(m_calls.constLast().workspaceId, qint64(2));
        QCOMPARE(m_calls.constLast().afterSeq, qint64(3));
        feed.stop();
        answer(m_calls.constLast(), changes(4, {1}));
        QTest::qWait(50);
        QCOMPARE(changed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReleaseFeed)
#include "tst_releasefeed.moc"
