#include "FakeConnectionBackend.h"
#include "ReleasePageDriver.h"
#include "ReleaseSamples.h"
#include "Translations.h"
#include "releases/DashboardPage.h"
#include "releases/HotfixDialog.h"
#include "releases/RegressionSlotDialog.h"
#include "releases/ReleaseActionBar.h"
#include "releases/ReleasePage.h"
#include "releases/ReleaseTableModel.h"
#include "widgets/FieldMessage.h"

#include <QDateTimeEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The release page's decisions on the fake backend: Skip and Cancel ask first, a slot core
// refuses is said in its dialog, and a hotfix of a release with a newer completed one asks
// before it forces.
class TestReleaseDecisions : public QObject
{
    Q_OBJECT

private:
    FakeConnectionBackend m_backend;
    QDateTime m_now;

    FakeReleaseBackend& releases() { return m_backend.releaseFake(); }
    std::unique_ptr<MainWindow> openWindow() { return openMainWindow(m_backend); }
    std::unique_ptr<MainWindow> openFailedRelease()
    {
        return Test::openFailedRelease(m_backend, m_now);
    }
    static QString text(QWidget* root, const QString& name) { return labelText(root, name); }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_releasedecisions"));
        QSettings().clear();
        Translations::install(*qApp);
        m_backend.onboarding = false;
        m_backend.workspaceList = {{1, QStringLiteral("Acme Mobile"), Role::Owner}};
    }

    void init()
    {
        m_now = QDateTime::currentDateTimeUtc();
        releases().actions.clear();
        releases().drafts.clear();
        releases().nextActError.reset();
    }

    void skipAndCancelAskFirst()
    {
        auto window = openFailedRelease();
        ReleaseActionBar* bar = window->releasePage()->actionBar();
        QString asked;
        answerNextQuestion(QStringLiteral("Cancel"), &asked);
        QTest::mouseClick(bar->button(ReleaseAction::Kind::Skip), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("Skip “Tag the release candidate” of 2.2.0?")),
                 qPrintable(asked));
        QTest::qWait(100);
        QCOMPARE(releases().actions.size(), 0);

        answerNextQuestion(QStringLiteral("Skip task"), &asked);
        QTest::mouseClick(bar->button(ReleaseAction::Kind::Skip), Qt::LeftButton);
        QTRY_COMPARE(releases().actions.size(), 1);
        const ReleaseAction skip = releases().actions.constFirst();
        QCOMPARE(skip.kind, ReleaseAction::Kind::Skip);
        QCOMPARE(skip.task, TaskType::CreateRcTag);
        QCOMPARE(skip.cycle, 2);
        QCOMPARE(skip.seenRowVersion, 1);
        // Buttons wait while an action is on its way.
        QTRY_VERIFY(bar->button(ReleaseAction::Kind::Cancel)->isEnabled());

        answerNextQuestion(QStringLiteral("Cancel"), &asked);
        QTest::mouseClick(bar->button(ReleaseAction::Kind::Cancel), Qt::LeftButton);
        QVERIFY(asked.startsWith(QLatin1String("Cancel 2.2.0?")));
        QTest::qWait(100);
        QCOMPARE(releases().actions.size(), 1);
        answerNextQuestion(QStringLiteral("Cancel release"), &asked);
        QTest::mouseClick(bar->button(ReleaseAction::Kind::Cancel), Qt::LeftButton);
        QTRY_COMPARE(releases().actions.size(), 2);
        QCOMPARE(releases().actions.constLast().kind, ReleaseAction::Kind::Cancel);
    }

    void aSlotCoreRefusesIsSaidInTheDialog()
    {
        auto window = openFailedRelease();
        ReleasePage* page = window->releasePage();
        QTest::mouseClick(page->actionBar()->button(ReleaseAction::Kind::AddSlot), Qt::LeftButton);
        RegressionSlotDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<RegressionSlotDialog*>()));
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY2(unnamedWidgets(dialog).isEmpty(), qPrintable(unnamedWidgets(dialog).join(u',')));
        const QDateTime chosen = QDateTime::currentDateTime().addDays(3);
        dialog->timeEdit()->setDateTime(chosen);
        const QString sentence = QStringLiteral("The regression slot at %1 is after the target.")
                                     .arg(chosen.toUTC().toString(Qt::ISODate));
        releases().nextActError = Error::usage(sentence);
        auto* add = dialog->findChild<QPushButton*>(QStringLiteral("addSlotOkButton"));
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_COMPARE(dialog->message()->text(), sentence);
        QVERIFY(dialog->isVisible());
        QCOMPARE(releases().actions.size(), 1);
        const ReleaseAction asked = releases().actions.constFirst();
        QCOMPARE(asked.kind, ReleaseAction::Kind::AddSlot);
        QCOMPARE(asked.slot.at.toSecsSinceEpoch() / 60, chosen.toSecsSinceEpoch() / 60);
        QVERIFY(asked.slot.runBuild);
        QTRY_VERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_VERIFY(!page->findChild<RegressionSlotDialog*>());
        QCOMPARE(releases().actions.size(), 2);
    }

    void aHotfixOfAnOlderReleaseAsksFirstThenForces()
    {
        ReleaseSummary done =
            sampleRelease(10, QStringLiteral("2.2.0"), ReleaseStatus::Completed, Stage::Done, 0, 0);
        releases().summaries = {done};
        HotfixPlan plan;
        plan.fixed = done.release;
        plan.suggestedVersion = QStringLiteral("2.2.1");
        plan.fromRef = QStringLiteral("v2.2.0");
        plan.newerRelease = QStringLiteral("2.3.0");
        releases().hotfixPlan = plan;
        auto window = openWindow();
        QTRY_COMPARE(window->dashboardPage()->model()->rowCount(), 1);
        ReleasePage* page = window->releasePage();
        window->openRelease(1, 10);
        QPushButton* hotfix = page->actionBar()->hotfixButton();
        QTRY_VERIFY(hotfix->isVisible());
        QTest::mouseClick(hotfix, Qt::LeftButton);
        HotfixDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<HotfixDialog*>()));
        QTRY_COMPARE(dialog->versionEdit()->text(), QStringLiteral("2.2.1"));
        QVERIFY2(unnamedWidgets(dialog).isEmpty(), qPrintable(unnamedWidgets(dialog).join(u',')));
        QTest::keyClicks(dialog->versionEdit(), QStringLiteral("x"));
        QVERIFY(!dialog->createButton()->isEnabled());
        QVERIFY(dialog->message()->isVisible());
        dialog->versionEdit()->setText(QStringLiteral("2.2.1"));
        QVERIFY(dialog->createButton()->isEnabled());
        QString asked;
        answerNextQuestion(QStringLiteral("Create hotfix"), &asked);
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QVERIFY(asked.startsWith(QLatin1String("2.3.0 has completed since 2.2.0.")));
        QTRY_COMPARE(releases().drafts.size(), 1);
        const ReleaseDraft draft = releases().drafts.constFirst();
        QCOMPARE(draft.version, QStringLiteral("2.2.1"));
        QCOMPARE(draft.hotfixOf, QStringLiteral("2.2.0"));
        QVERIFY(draft.force);
        // The new release's page opens.
        QTRY_COMPARE(page->releaseId(), 1001);
        QTRY_COMPARE(text(page, QStringLiteral("releaseVersionLabel")), QStringLiteral("2.2.1"));
        releases().hotfixPlan.reset();
        releases().drafts.clear();
    }
};

QTEST_MAIN(TestReleaseDecisions)
#include "tst_releasedecisions.moc"
