#include "StoreSeed.h"
#include "TestBackend.h"
#include "db/DatabaseClock.h"
#include "orchestrator/TrainKickoff.h"
#include "services/ReleaseService.h"
#include "services/TrainService.h"
#include "store/AnnouncementStore.h"
#include "store/EventStore.h"
#include "store/ReleaseConfigStore.h"
#include "store/ReleaseStore.h"
#include "store/SlotStore.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// A train's scheduled release on SQLite and MariaDB: created at the reminder time with the
// train's settings and its kickoff reminder queued, the version bumped past the ones that
// exist, once however many instances try at the same moment, and a train that cannot
// create its release paused with an event instead of failing every tick.
class TestTrainKickoff : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("kickoffs"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
        m_now = DatabaseClock::now(*m_database).value();
    }

    void cleanup() { m_database.reset(); }

    void aDueTrainCreatesItsReleaseAndReminderOnce()
    {
        const ReleaseConfig train = dueTrain(QStringLiteral("Weekly"));
        ReleaseDraft first;
        first.version = QStringLiteral("1.4.0");
        first.train = train.name;
        QVERIFY(ReleaseService(*m_database, QStringLiteral("editor@a"))
                    .create(m_seed.editorA, first)
                    .ok());
        const QList<ReleaseConfig> due =
            ReleaseConfigStore(*m_database).due(m_seed.workspaceA).value();
        QCOMPARE(due.size(), 1);
        const ReleaseConfig seen = due.constFirst();

        TrainKickoff kickoff(*m_database, m_seed.editorA, QStringLiteral("orchestrator@test"));
        QVERIFY(kickoff.createDue(seen).ok());
        QVERIFY2(kickoff.changes()
                     .join(QLatin1Char('\n'))
                     .contains(QLatin1String("Train Weekly "
                                             "created 1.5.0")),
                 qPrintable(kickoff.changes().join(QLatin1Char('\n'))));
        const Release release = releaseOf(QStringLiteral("1.5.0"));
        QCOMPARE(release.status, ReleaseStatus::Pending);
        QCOMPARE(release.configId, train.id);
        QCOMPARE(release.kickoffAt, seen.nextKickoffAt);
        QCOMPARE(release.kickoffReminderAt, seen.nextReminderAt);
        QCOMPARE(release.targetAt, seen.nextKickoffAt.addSecs(3 * 86400));
        QCOMPARE(release.platforms, QList<Platform>({Platform::Web}));
        QCOMPARE(release.releaseBranch, QStringLiteral("train/1.5.0"));
        QCOMPARE(release.settings.rcTagPattern, QStringLiteral("{version}-rc{cycle}"));
        const QList<RegressionSlot> plans =
            SlotStore(*m_database).list(m_seed.workspaceA, release.id).value();
        QCOMPARE(plans.size(), 2);
        QCOMPARE(plans.at(1).slotAt, seen.nextKickoffAt.addSecs(26 * 3600));
        QVERIFY(!plans.at(1).runBuild);
        const QList<Announcement> announced =
            AnnouncementStore(*m_database).listForRelease(m_seed.workspaceA, release.id).value();
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.constFirst().kind, QStringLiteral("kickoff_reminder"));
        QVERIFY2(announced.constFirst().body.startsWith(QLatin1String("*Release 1.5.0 kicks off ")),
                 qPrintable(announced.constFirst().body));
        QCOMPARE(lastEvent().kind, QStringLiteral("release.created"));
        QCOMPARE(lastEvent().data.value(QStringLiteral("train")).toString(), train.name);

        // The schedule moved on a week; nothing is due; the kickoff waits for its time.
        const ReleaseConfig after = current(train.id);
        QCOMPARE(after.lastKickoffAt, seen.nextKickoffAt);
        QCOMPARE(after.nextKickoffAt, seen.nextKickoffAt.addDays(7));
        QVERIFY(ReleaseConfigStore(*m_database).due(m_seed.workspaceA)->isEmpty());
        const QList<Release> kickoffs =
            ReleaseStore(*m_database).kickoffsDue(m_seed.workspaceA).value();
        for (const Release& due : kickoffs)
            QVERIFY(due.version != release.version);

        // Whoever saw the train due before does nothing now.
        TrainKickoff late(*m_database, m_seed.ownerA, QStringLiteral("orchestrator@other"));
        QVERIFY(late.createDue(seen).ok());
        QVERIFY(late.changes().isEmpty());
        QCOMPARE(ReleaseStore(*m_database).list(m_seed.workspaceA)->size(), 2);
    }

    void aVersionThatExistsIsSkippedWithAnEvent()
    {
        const ReleaseConfig train = dueTrain(QStringLiteral("Weekly"));
        ReleaseService releases(*m_database, QStringLiteral("editor@a"));
        ReleaseDraft fromTrain;
        fromTrain.version = QStringLiteral("1.4.0");
        fromTrain.train = train.name;
        QVERIFY(releases.create(m_seed.editorA, fromTrain).ok());
        // Someone made 1.5.0 by hand, outside the train.
        ReleaseDraft byHand;
        byHand.version = QStringLiteral("1.5.0");
        QVERIFY(releases.create(m_seed.editorA, byHand).ok());
        QCOMPARE(TrainKickoff::nextVersion(
                     train, ReleaseStore(*m_database).list(m_seed.workspaceA).value()),
                 QStringLiteral("1.6.0"));

        TrainKickoff kickoff(*m_database, m_seed.editorA, QStringLiteral("orchestrator@test"));
        QVERIFY(kickoff.createDue(dueOnly()).ok());
        QCOMPARE(releaseOf(QStringLiteral("1.6.0")).configId, train.id);
        const Event skipped = lastEvent();
        QCOMPARE(skipped.kind, QStringLiteral("train.version_skipped"));
        QCOMPARE(skipped.message,
                 QStringLiteral("Train Weekly skipped version 1.5.0: a release 1.5.0 exists "
                                "already."));
        QCOMPARE(skipped.data.value(QStringLiteral("version")).toString(), QStringLiteral("1.5.0"));
    }

    void bumpsCountFromTheTrainsHighestRelease()
    {
        ReleaseConfig train;
        train.id = 7;
        train.versionBump = VersionBump::Major;
        QList<Release> releases;
        QCOMPARE(TrainKickoff::nextVersion(train, releases), QStringLiteral("1.0.0"));
        const auto release = [](const char* version, qint64 configId, ReleaseType type) {
            Release r;
            r.version = QString::fromLatin1(version);
            r.configId = configId;
            r.type = type;
            return r;
        };
        // With none of its own, the workspace's highest planned release counts.
        releases = {release("2.3.0", 0, ReleaseType::Planned),
                    release("9.9.1", 0, ReleaseType::Hotfix)};
        QCOMPARE(TrainKickoff::nextVersion(train, releases), QStringLiteral("3.0.0"));
        releases.append(release("1.4.2", 7, ReleaseType::Hotfix));
        train.versionBump = VersionBump::Patch;
        QCOMPARE(TrainKickoff::nextVersion(train, releases), QStringLiteral("1.4.3"));
        train.versionBump = VersionBump::Minor;
        QCOMPARE(TrainKickoff::nextVersion(train, releases), QStringLiteral("1.5.0"));
    }

    void twoInstancesAtOnceCreateOneRelease()
    {
        // Each round a different train is due and two instances, each with its own
        // database connection, create its release at the same moment.
        constexpr int Rounds = 4;
        for (int round = 0; round < Rounds; ++round)
            dueTrain(QStringLiteral("Train %1").arg(round));
        const QList<ReleaseConfig> due =
            ReleaseConfigStore(*m_database).due(m_seed.workspaceA).value();
        QCOMPARE(due.size(), Rounds);
        for (const ReleaseConfig& seen : due) {
            QSemaphore ready;
            QSemaphore go;
            QStringList failures;
            QMutex mutex;
            QList<QThread*> threads;
            for (int instance = 0; instance < 2; ++instance) {
                threads.append(QThread::create([&, instance] {
                    Database database(m_database->url());
                    const Actor actor = instance == 0 ? m_seed.editorA : m_seed.ownerA;
                    // Open the connection before the start, so both begin together.
                    if (!database.ping()) {
                        QMutexLocker lock(&mutex);
                        failures.append(QStringLiteral("no connection"));
                    }
                    ready.release();
                    go.acquire();
                    TrainKickoff kickoff(database, actor,
                                         QStringLiteral("orchestrator@%1").arg(instance));
                    if (Status created = kickoff.createDue(seen); !created) {
                        QMutexLocker lock(&mutex);
                        failures.append(created.error().message);
                    }
                }));
                threads.constLast()->start();
            }
            ready.acquire(2);
            go.release(2);
            for (QThread* thread : threads) {
                QVERIFY(thread->wait(60000));
                delete thread;
            }
            QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        }
        int reminders = 0;
        const QList<Release> releases = ReleaseStore(*m_database).list(m_seed.workspaceA).value();
        for (const Release& release : releases)
            reminders += int(AnnouncementStore(*m_database)
                                 .listForRelease(m_seed.workspaceA, release.id)
                                 ->size());
        QCOMPARE(releases.size(), Rounds);
        QCOMPARE(reminders, Rounds);
        QStringList versions;
        for (const Release& release : releases)
            versions.append(release.version);
        versions.sort();
        QCOMPARE(versions, QStringList({QStringLiteral("0.1.0"), QStringLiteral("0.2.0"),
                                        QStringLiteral("0.3.0"), QStringLiteral("0.4.0")}));
        QVERIFY(ReleaseConfigStore(*m_database).due(m_seed.workspaceA)->isEmpty());
    }

    void aTrainThatCannotCreateItsReleaseIsPaused()
    {
        const ReleaseConfig train = dueTrain(QStringLiteral("Weekly"));
        // A broken row, as an older version or a hand edit might leave it.
        ReleaseConfig broken = current(train.id);
        broken.baseBranch = QStringLiteral("my branch");
        QVERIFY(ReleaseConfigStore(*m_database).update(m_seed.ownerA, broken).ok());
        TrainKickoff kickoff(*m_database, m_seed.editorA, QStringLiteral("orchestrator@test"));
        QVERIFY(kickoff.createDue(dueOnly()).ok());
        QVERIFY(ReleaseStore(*m_database).list(m_seed.workspaceA)->isEmpty());
        const ReleaseConfig paused = current(train.id);
        QVERIFY(paused.paused);
        QVERIFY(!paused.nextReminderAt.isValid());
        QVERIFY(ReleaseConfigStore(*m_database).due(m_seed.workspaceA)->isEmpty());
        const Event event = lastEvent();
        QCOMPARE(event.kind, QStringLiteral("train.kickoff_failed"));
        QVERIFY2(event.message.startsWith(QLatin1String("Train Weekly could not create its "
                                                        "release and is paused: The base branch "
                                                        "'my branch' contains a space")),
                 qPrintable(event.message));
    }

    void aLateReminderStillCreatesTheReleaseAndItKicksOffAtOnce()
    {
        // Created with a kickoff a minute ago would plan next week's; so move the schedule
        // into the past the way a stopped orchestrator finds it.
        const ReleaseConfig train = dueTrain(QStringLiteral("Weekly"));
        ReleaseConfig stale = current(train.id);
        stale.nextKickoffAt = m_now.addSecs(-600);
        stale.nextReminderAt = m_now.addSecs(-4200);
        QVERIFY(ReleaseConfigStore(*m_database).update(m_seed.ownerA, stale).ok());
        TrainKickoff kickoff(*m_database, m_seed.editorA, QStringLiteral("orchestrator@test"));
        QVERIFY(kickoff.createDue(dueOnly()).ok());
        const Release release = releaseOf(QStringLiteral("0.1.0"));
        QVERIFY(release.kickoffAt >= m_now);
        QCOMPARE(ReleaseStore(*m_database).kickoffsDue(m_seed.workspaceA)->size(), 1);
        // The next kickoff is the next one after now, not another in the past.
        QVERIFY(current(train.id).nextKickoffAt > m_now);
        QVERIFY(ReleaseConfigStore(*m_database).due(m_seed.workspaceA)->isEmpty());
    }

private:
    // A train whose reminder is due now: its kickoff a few minutes ahead (UTC), the
    // reminder an hour before it.
    ReleaseConfig dueTrain(const QString& name)
    {
        const QDateTime kickoff = m_now.addSecs(180);
        ReleaseConfig train;
        train.name = name;
        train.platforms = {Platform::Web};
        train.baseBranch = QStringLiteral("main");
        train.branchPattern = QStringLiteral("train/{version}");
        train.rcTagPattern = QStringLiteral("{version}-rc{cycle}");
        train.kickoffWeekday = kickoff.date().dayOfWeek();
        train.kickoffTime = QTime(kickoff.time().hour(), kickoff.time().minute());
        train.timeZone = QStringLiteral("UTC");
        train.reminderSeconds = 3600;
        train.targetSeconds = 3 * 86400;
        train.regressionSlots = {{0, true, true}, {26 * 60, false, true}};
        Result<ReleaseConfig> created =
            TrainService(*m_database, QStringLiteral("editor@a")).create(m_seed.editorA, train);
        if (!created)
            qWarning() << created.error().message;
        return created.ok() ? *created : ReleaseConfig();
    }

    ReleaseConfig dueOnly()
    {
        const QList<ReleaseConfig> due =
            ReleaseConfigStore(*m_database).due(m_seed.workspaceA).value();
        return due.size() == 1 ? due.constFirst() : ReleaseConfig();
    }

    ReleaseConfig current(qint64 id)
    {
        return ReleaseConfigStore(*m_database).findById(m_seed.workspaceA, id)->value();
    }

    Release releaseOf(const QString& version)
    {
        Result<std::optional<Release>> found =
            ReleaseStore(*m_database).findByVersion(m_seed.workspaceA, version);
        return found && found->has_value() ? **found : Release();
    }

    Event lastEvent()
    {
        return EventStore(*m_database)
            .listNewest(m_seed.workspaceA, EventFilter{0, {}, 0, 1})
            ->constFirst();
    }

    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
    QDateTime m_now;
};

QTEST_GUILESS_MAIN(TestTrainKickoff)
#include "tst_trainkickoff.moc"
