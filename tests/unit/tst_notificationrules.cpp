#include "orchestrator/Orchestrator.h"
#include "services/NotificationRules.h"

#include <QTest>

using namespace ReleaseDeck;

// Which events make a notification, whose actions are the person's own, which releases
// wait for a person, and which tick intervals fit the lease.
class TestNotificationRules : public QObject
{
    Q_OBJECT

private:
    static Event event(const QString& kind, qint64 accountId = 9,
                       const QString& actor = QStringLiteral("orchestrator@build-01"))
    {
        Event e;
        e.kind = kind;
        e.accountId = accountId;
        e.actor = actor;
        return e;
    }

    static Event verified(const QString& before, const QString& now)
    {
        Event e = event(QStringLiteral("connection.verified"));
        e.data = {{QStringLiteral("status"), now}, {QStringLiteral("previousStatus"), before}};
        return e;
    }

private slots:
    void kinds()
    {
        QCOMPARE(NotificationRules::kindOf(event(QStringLiteral("release.awaiting_approval"))),
                 NotificationKind::ApprovalNeeded);
        QCOMPARE(NotificationRules::kindOf(event(QStringLiteral("task.failed"))),
                 NotificationKind::TaskFailed);
        QCOMPARE(NotificationRules::kindOf(event(QStringLiteral("release.completed"))),
                 NotificationKind::ReleaseCompleted);
        for (const char* other : {"task.retrying", "release.paused", "release.approved",
                                  "task.completed", "connection.added", "train.created"})
            QCOMPARE(NotificationRules::kindOf(event(QString::fromLatin1(other))), std::nullopt);
    }

    void aConnectionCountsWhenItTurnsBad()
    {
        const QString valid = QStringLiteral("VALID");
        const QString invalid = QStringLiteral("INVALID");
        const QString expired = QStringLiteral("EXPIRED");
        QCOMPARE(NotificationRules::kindOf(verified(valid, invalid)),
                 NotificationKind::ConnectionProblem);
        QCOMPARE(NotificationRules::kindOf(verified(QStringLiteral("PENDING"), expired)),
                 NotificationKind::ConnectionProblem);
        QCOMPARE(NotificationRules::kindOf(verified(invalid, expired)),
                 NotificationKind::ConnectionProblem);
        QCOMPARE(NotificationRules::kindOf(verified(invalid, invalid)), std::nullopt);
        QCOMPARE(NotificationRules::kindOf(verified(invalid, valid)), std::nullopt);
        // An event from before the statuses were recorded says nothing.
        QCOMPARE(NotificationRules::kindOf(event(QStringLiteral("connection.verified"))),
                 std::nullopt);
    }

    void thePersonsOwnActions()
    {
        const SignedInPerson ana{7, QStringLiteral("ana@laptop")};
        const Event mine = event(QStringLiteral("release.awaiting_approval"), 7, ana.login);
        QVERIFY(NotificationRules::isOwnAction(mine, ana));
        QCOMPARE(NotificationRules::notificationFor(mine, ana), std::nullopt);
        // Her account's orchestrator acts under its own name.
        const Event orchestrated = event(QStringLiteral("release.awaiting_approval"), 7,
                                         QStringLiteral("orchestrator@laptop"));
        QVERIFY(!NotificationRules::isOwnAction(orchestrated, ana));
        QCOMPARE(NotificationRules::notificationFor(orchestrated, ana),
                 NotificationKind::ApprovalNeeded);
        // Another account with the same name is someone else.
        QVERIFY(!NotificationRules::isOwnAction(event(QStringLiteral("task.failed"), 8, ana.login),
                                                ana));
        // Nobody signed in yet: nothing is anybody's own.
        QVERIFY(!NotificationRules::isOwnAction(event(QStringLiteral("task.failed"), 0, {}),
                                                SignedInPerson{}));
    }

    void releasesThatWaitForAPerson()
    {
        Release release;
        release.status = ReleaseStatus::Paused;
        release.pauseReason = PauseReason::AwaitingStageTrigger;
        QVERIFY(NotificationRules::needsPerson(release));
        release.pauseReason = PauseReason::TaskFailure;
        QVERIFY(NotificationRules::needsPerson(release));
        release.pauseReason = PauseReason::UserRequested;
        QVERIFY(!NotificationRules::needsPerson(release));
        release.status = ReleaseStatus::InProgress;
        release.pauseReason = PauseReason::None;
        QVERIFY(!NotificationRules::needsPerson(release));
    }

    void tickIntervals()
    {
        QVERIFY(OrchestratorOptions::checkTickSeconds(1, 30).ok());
        QVERIFY(OrchestratorOptions::checkTickSeconds(29, 30).ok());
        for (int refused : {0, -5, 30, 31, 3600}) {
            const Status checked = OrchestratorOptions::checkTickSeconds(refused, 30);
            QVERIFY(!checked.ok());
            QVERIFY2(checked.error().message.contains(QLatin1String("1 to 29")),
                     qPrintable(checked.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestNotificationRules)
#include "tst_notificationrules.moc"
