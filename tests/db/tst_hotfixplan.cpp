#include "StoreSeed.h"
#include "TestBackend.h"
#include "db/DatabaseClock.h"
#include "orchestrator/ReleaseProgression.h"
#include "services/ReleaseActions.h"
#include "services/ReleaseService.h"
#include "store/ReleaseStore.h"
#include "store/SlotStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The hotfix rules on SQLite and MariaDB, with releases walked to COMPLETED by hand (no
// connections, so every task is skipped): what the app's "Create hotfix" is offered, the
// refusals, the branch from the fixed tag, one cycle, notes from the fixed tag, and the
// confirmation a hotfix of an older release needs.
class TestHotfixPlan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("hotfixes"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
    }

    void cleanup() { m_database.reset(); }

    void aHotfixFixesACompletedReleaseFromItsTag()
    {
        ReleaseService service(*m_database, QStringLiteral("editor@a"));
        ReleaseDraft planned;
        planned.version = QStringLiteral("1.4.0");
        planned.baseBranch = QStringLiteral("develop");
        const Release pending = service.create(m_seed.editorA, planned).value();
        QCOMPARE(service.planHotfix(m_seed.viewerA, QStringLiteral("1.4.0")).error().message,
                 QStringLiteral("1.4.0 is PENDING, not completed; a hotfix fixes a released "
                                "version."));
        complete(pending.id);

        const HotfixPlan plan = service.planHotfix(m_seed.viewerA, QStringLiteral("1.4.0")).value();
        QCOMPARE(plan.fixed.id, pending.id);
        QCOMPARE(plan.suggestedVersion, QStringLiteral("1.4.1"));
        QCOMPARE(plan.fromRef, QStringLiteral("v1.4.0"));
        QVERIFY(!plan.needsConfirmation());
        QCOMPARE(service.planHotfix(m_seed.editorA, QStringLiteral("2.0.0")).error().message,
                 QStringLiteral("There is no release 2.0.0 to fix."));
        QCOMPARE(service.planHotfix(m_seed.ownerB, QStringLiteral("1.4.0")).error().kind,
                 ErrorKind::Usage);

        const auto refused = [&](ReleaseDraft d, const QString& message) {
            Result<Release> created = service.create(m_seed.editorA, d);
            QVERIFY2(!created.ok(), qPrintable(message));
            QCOMPARE(created.error().kind, ErrorKind::Usage);
            QCOMPARE(created.error().message, message);
        };
        refused(hotfix(QStringLiteral("1.5.0")),
                QStringLiteral("A hotfix of 1.4.0 must be a patch above it, e.g. 1.4.1."));
        refused(hotfix(QStringLiteral("1.4.0")),
                QStringLiteral("A hotfix of 1.4.0 must be a patch above it, e.g. 1.4.1."));
        ReleaseDraft onBranch = hotfix(QStringLiteral("1.4.1"));
        onBranch.baseBranch = QStringLiteral("develop");
        refused(onBranch,
                QStringLiteral("A hotfix starts from 1.4.0's tag v1.4.0; leave out the base "
                               "branch."));
        ReleaseDraft onTrain = hotfix(QStringLiteral("1.4.1"));
        onTrain.train = QStringLiteral("Weekly");
        refused(onTrain, QStringLiteral("A hotfix takes its settings from the release it fixes; "
                                        "leave out the train."));

        const Release fix = service.create(m_seed.editorA, hotfix(QStringLiteral("1.4.1"))).value();
        QCOMPARE(fix.type, ReleaseType::Hotfix);
        QCOMPARE(fix.baseReleaseId, pending.id);
        QCOMPARE(fix.baseBranch, QStringLiteral("v1.4.0"));
        QCOMPARE(fix.releaseBranch, QStringLiteral("release/1.4.1"));
        // One regression cycle, at kickoff.
        const QList<RegressionSlot> fixSlots =
            SlotStore(*m_database).list(m_seed.workspaceA, fix.id).value();
        QCOMPARE(fixSlots.size(), 1);
        QCOMPARE(fixSlots.constFirst().slotAt, fix.kickoffAt);
        // Its notes start at the fixed release's tag.
        QCOMPARE(ReleaseStore(*m_database).previousTag(m_seed.workspaceA, fix).value(),
                 QStringLiteral("v1.4.0"));
        complete(fix.id);

        // 1.4.1 is out: another hotfix of 1.4.0 needs confirmation.
        const HotfixPlan again =
            service.planHotfix(m_seed.editorA, QStringLiteral("1.4.0")).value();
        QCOMPARE(again.suggestedVersion, QStringLiteral("1.4.2"));
        QCOMPARE(again.newerRelease, QStringLiteral("1.4.1"));
        QVERIFY(again.needsConfirmation());
        Result<Release> unconfirmed =
            service.create(m_seed.editorA, hotfix(QStringLiteral("1.4.2")));
        QCOMPARE(unconfirmed.error().kind, ErrorKind::Conflict);
        QCOMPARE(unconfirmed.error().message,
                 QStringLiteral("1.4.1 was released after 1.4.0; a hotfix of 1.4.0 needs "
                                "confirmation (--force)."));
        ReleaseDraft confirmed = hotfix(QStringLiteral("1.4.2"));
        confirmed.force = true;
        confirmed.regressionSlots = {
            {DatabaseClock::now(*m_database).value().addDays(1), true, false},
            {DatabaseClock::now(*m_database).value().addDays(2), true, true}};
        const Release second = service.create(m_seed.editorA, confirmed).value();
        QCOMPARE(SlotStore(*m_database).list(m_seed.workspaceA, second.id)->size(), 2);
        QCOMPARE(ReleaseStore(*m_database).previousTag(m_seed.workspaceA, second).value(),
                 QStringLiteral("v1.4.0"));
        // The hotfix 1.4.1 is now the version the next hotfix of 1.4.1 is offered from.
        QCOMPARE(service.planHotfix(m_seed.editorA, QStringLiteral("1.4.1"))->suggestedVersion,
                 QStringLiteral("1.4.3"));
    }

private:
    static ReleaseDraft hotfix(const QString& version)
    {
        ReleaseDraft d;
        d.version = version;
        d.hotfixOf = QStringLiteral("1.4.0");
        return d;
    }

    // Kicks the release off, runs its due regression cycles and approves it to the end.
    void complete(qint64 releaseId)
    {
        ReleaseProgression orchestrator(*m_database, m_seed.editorA,
                                        QStringLiteral("orchestrator@test"));
        QVERIFY(orchestrator.kickOff(releaseId).ok());
        const QList<RegressionSlot> due = SlotStore(*m_database).due(m_seed.workspaceA).value();
        for (const RegressionSlot& slot : due) {
            if (slot.releaseId == releaseId)
                QVERIFY(orchestrator.startCycle(slot).ok());
        }
        ReleaseActions actions(*m_database, QStringLiteral("editor@a"));
        const Release release = actions.approve(m_seed.editorA, releaseId, 0).value();
        QCOMPARE(release.status, ReleaseStatus::Completed);
    }

    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
};

QTEST_GUILESS_MAIN(TestHotfixPlan)
#include "tst_hotfixplan.moc"
