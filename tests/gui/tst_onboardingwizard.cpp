#include "FakeConnectionBackend.h"
#include "Screenshots.h"
#include "WizardDriver.h"
#include "wizard/ConnectionStep.h"
#include "wizard/OnboardingWizard.h"
#include "wizard/WizardController.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

using namespace ReleaseDeck;
using ReleaseDeck::Test::click;
using ReleaseDeck::Test::FakeConnectionBackend;
using ReleaseDeck::Test::find;
using ReleaseDeck::Test::type;

namespace {

const QString FakeToken = QStringLiteral("fake-token-for-tests");

} // namespace

// Drives the real wizard page by page, finding widgets by object name, against the fake
// backend (KeePassXC's TestGui::testCreateDatabase is the model).
class TestOnboardingWizard : public QObject
{
    Q_OBJECT

private:
    void shoot(QWizard& wizard, const QString& name)
    {
        const QString theme = m_dark ? QStringLiteral("-dark") : QString();
        QVERIFY(!Test::saveScreenshot(&wizard, QStringLiteral("wizard-") + name + theme).isEmpty());
    }

    void fillWelcome(QWizard& wizard)
    {
        type(&wizard, QStringLiteral("displayNameEdit"), QStringLiteral("Ana Lima"));
        type(&wizard, QStringLiteral("emailEdit"), QStringLiteral("ana@example.com"));
        type(&wizard, QStringLiteral("workspaceNameEdit"), QStringLiteral("Acme Mobile"));
    }

    void verify(QWizard& wizard, const QString& prefix, const QString& token = FakeToken)
    {
        type(&wizard, prefix + QStringLiteral("TokenEdit"), token);
        click(&wizard, prefix + QStringLiteral("VerifyButton"));
        QTRY_VERIFY(find<QLabel>(&wizard, prefix + QStringLiteral("OutcomeLabel"))
                        ->text()
                        .startsWith(QStringLiteral("Valid")));
    }

    void pick(QComboBox* combo, int index)
    {
        combo->setFocus();
        combo->setCurrentIndex(index - 1);
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentIndex(), index);
    }

    void reachSourceControl(QWizard& wizard)
    {
        fillWelcome(wizard);
        click(&wizard, QStringLiteral("nextButton"));
        QCOMPARE(wizard.currentId(), int(WizardController::DatabasePage));
        click(&wizard, QStringLiteral("nextButton"));
        QCOMPARE(wizard.currentId(), int(WizardController::SourceControlPage));
    }

    bool m_dark = false;

private slots:
    void init() { m_dark = false; }

    void completesEveryPageAndFinishes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void completesEveryPageAndFinishes()
    {
        QFETCH(bool, dark);
        m_dark = dark;
        if (dark)
            Test::useDarkPalette();
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.resize(880, 680);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        QVERIFY(!find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        shoot(wizard, QStringLiteral("1-welcome"));
        fillWelcome(wizard);
        click(&wizard, QStringLiteral("nextButton"));

        QCOMPARE(wizard.currentId(), int(WizardController::DatabasePage));
        QVERIFY(find<QAbstractButton>(&wizard, QStringLiteral("localDatabaseRadio"))->isChecked());
        click(&wizard, QStringLiteral("sharedDatabaseRadio"));
        type(&wizard, QStringLiteral("hostEdit"), QStringLiteral("db.example.com"));
        type(&wizard, QStringLiteral("databaseEdit"), QStringLiteral("releasedeck"));
        type(&wizard, QStringLiteral("userEdit"), QStringLiteral("ana"));
        type(&wizard, QStringLiteral("passwordEdit"), QStringLiteral("wrong-fake-password"));
        click(&wizard, QStringLiteral("testConnectionButton"));
        QTRY_COMPARE(find<QLabel>(&wizard, QStringLiteral("testConnectionMessage"))->text(),
                     QStringLiteral("The server refused user ana: wrong password."));
        shoot(wizard, QStringLiteral("2-database-shared"));
        click(&wizard, QStringLiteral("localDatabaseRadio"));
        click(&wizard, QStringLiteral("nextButton"));

        QCOMPARE(wizard.currentId(), int(WizardController::SourceControlPage));
        QVERIFY(find<QPushButton>(&wizard, QStringLiteral("setUpLaterButton"))->isVisible());
        type(&wizard, QStringLiteral("scmRepoUrlEdit"),
             QStringLiteral("https://ghe.acme.com/acme/app.git"));
        QCOMPARE(find<QLineEdit>(&wizard, QStringLiteral("scmOwnerEdit"))->text(),
                 QStringLiteral("acme"));
        QCOMPARE(find<QLineEdit>(&wizard, QStringLiteral("scmApiUrlEdit"))->text(),
                 QStringLiteral("https://ghe.acme.com/api/v3"));
        QCOMPARE(
            find<QComboBox>(&wizard, QStringLiteral("scmProviderCombo"))->currentData().toString(),
            QStringLiteral("github-enterprise"));
        QCOMPARE(find<QLineEdit>(&wizard, QStringLiteral("scmTokenEdit"))->echoMode(),
                 QLineEdit::Password);
        verify(wizard, QStringLiteral("scm"));
        auto* branch = find<QComboBox>(&wizard, QStringLiteral("scmBranchCombo"));
        QTRY_COMPARE(branch->count(), 3);
        QCOMPARE(branch->currentText(), QStringLiteral("main"));
        pick(branch, 1);
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        shoot(wizard, QStringLiteral("3-source-control"));
        click(&wizard, QStringLiteral("nextButton"));

        QCOMPARE(wizard.currentId(), int(WizardController::ChatPage));
        verify(wizard, QStringLiteral("slack"));
        auto* channels = find<QListWidget>(&wizard, QStringLiteral("slackChannelList"));
        QTRY_COMPARE(channels->count(), 50);
        click(&wizard, QStringLiteral("slackMoreButton"));
        QTRY_COMPARE(channels->count(), 100);
        QVERIFY(!find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        channels->setCurrentRow(0);
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        shoot(wizard, QStringLiteral("4-slack"));
        click(&wizard, QStringLiteral("nextButton"));

        QCOMPARE(wizard.currentId(), int(WizardController::IssuesPage));
        type(&wizard, QStringLiteral("jiraSiteUrlEdit"),
             QStringLiteral("https://acme.atlassian.net"));
        type(&wizard, QStringLiteral("jiraEmailEdit"), QStringLiteral("ana@example.com"));
        type(&wizard, QStringLiteral("jiraProjectKeyAndroidEdit"), QStringLiteral("AND"));
        type(&wizard, QStringLiteral("jiraReadyStateAndroidEdit"),
             QStringLiteral("Ready for Release"));
        type(&wizard, QStringLiteral("jiraProjectKeyIosEdit"), QStringLiteral("ios"));
        QVERIFY(find<QLabel>(&wizard, QStringLiteral("jiraProjectKeyIosMessage"))->isVisible());
        type(&wizard, QStringLiteral("jiraProjectKeyIosEdit"), QStringLiteral("IOS"));
        type(&wizard, QStringLiteral("jiraReadyStateIosEdit"), QStringLiteral("Approved"));
        verify(wizard, QStringLiteral("jira"));
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        shoot(wizard, QStringLiteral("5-jira"));
        click(&wizard, QStringLiteral("nextButton"));

        QCOMPARE(wizard.currentId(), int(WizardController::CiPage));
        QCOMPARE(find<QLineEdit>(&wizard, QStringLiteral("ciRepoEdit"))->text(),
                 QStringLiteral("app"));
        verify(wizard, QStringLiteral("ci"));
        auto* regression =
            find<QComboBox>(&wizard, QStringLiteral("ciWorkflowRegressionBuildCombo"));
        QTRY_COMPARE(regression->count(), 4);
        pick(regression, 2);
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        shoot(wizard, QStringLiteral("6-ci"));
        click(&wizard, QStringLiteral("nextButton"));

        QCOMPARE(wizard.currentId(), int(WizardController::SummaryPage));
        QVERIFY(!find<QPushButton>(&wizard, QStringLiteral("setUpLaterButton"))->isVisible());
        shoot(wizard, QStringLiteral("7-summary"));
        QVERIFY(backend.finishCalls.isEmpty());
        click(&wizard, QStringLiteral("finishButton"));
        QTRY_COMPARE(wizard.result(), int(QDialog::Accepted));
        QCOMPARE(backend.finishCalls.size(), 1);

        const WizardResult sent = backend.finishCalls.first();
        QCOMPARE(sent.workspaceName, QStringLiteral("Acme Mobile"));
        QCOMPARE(sent.email, QStringLiteral("ana@example.com"));
        QVERIFY(!sent.database.shared);
        QCOMPARE(sent.connections.size(), 4);
        const ConnectionDraft scm = sent.connections.at(0);
        QCOMPARE(scm.provider, QStringLiteral("github-enterprise"));
        QCOMPARE(scm.config.value(u"apiUrl").toString(),
                 QStringLiteral("https://ghe.acme.com/api/v3"));
        QCOMPARE(scm.config.value(u"defaultBranch").toString(), QStringLiteral("develop"));
        QCOMPARE(scm.token, FakeToken);
        QCOMPARE(sent.connections.at(1).config.value(u"channel").toString(),
                 QStringLiteral("C1000"));
        QCOMPARE(sent.connections.at(2).config.value(u"projectKeys").toObject().value(u"IOS"),
                 QStringLiteral("IOS"));
        QCOMPARE(
            sent.connections.at(3).config.value(u"workflows").toObject().value(u"REGRESSION_BUILD"),
            QStringLiteral("regression.yml"));
        if (dark)
            QApplication::setPalette(QPalette());
    }

    void anInvalidTokenShowsInvalidAndBlocksNext()
    {
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        reachSourceControl(wizard);
        type(&wizard, QStringLiteral("scmRepoUrlEdit"),
             QStringLiteral("https://github.com/acme/app"));
        type(&wizard, QStringLiteral("scmTokenEdit"), QStringLiteral("fake-invalid-token"));
        click(&wizard, QStringLiteral("scmVerifyButton"));
        QVERIFY(find<QWidget>(&wizard, QStringLiteral("scmVerifyBusy"))->isVisible());
        auto* outcome = find<QLabel>(&wizard, QStringLiteral("scmOutcomeLabel"));
        QTRY_VERIFY(outcome->text().startsWith(QStringLiteral("Invalid")));
        QVERIFY(outcome->text().contains(QStringLiteral("Bad credentials")));
        QVERIFY(!find<QWidget>(&wizard, QStringLiteral("scmVerifyBusy"))->isVisible());
        QVERIFY(!find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        QTest::keyClick(&wizard, Qt::Key_Return);
        QCOMPARE(wizard.currentId(), int(WizardController::SourceControlPage));
        shoot(wizard, QStringLiteral("3-source-control-invalid"));
    }

    void typosGetInlineMessagesNeverADialog()
    {
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        reachSourceControl(wizard);
        auto* provider = find<QComboBox>(&wizard, QStringLiteral("scmProviderCombo"));
        pick(provider, 1);
        type(&wizard, QStringLiteral("scmOwnerEdit"), QStringLiteral("ac me"));
        type(&wizard, QStringLiteral("scmApiUrlEdit"),
             QStringLiteral("http://ghe.acme.com/api/v3"));
        type(&wizard, QStringLiteral("scmTokenEdit"), QStringLiteral("   "));
        QCOMPARE(
            find<QLabel>(&wizard, QStringLiteral("scmOwnerMessage"))->text(),
            QStringLiteral("The owner contains spaces; use the name as it appears in the URL."));
        QVERIFY(find<QLabel>(&wizard, QStringLiteral("scmOwnerMessage"))->isVisible());
        QCOMPARE(find<QLabel>(&wizard, QStringLiteral("scmApiUrlMessage"))->text(),
                 QStringLiteral("Use https:// for the API address; plain http:// is only allowed "
                                "for this computer."));
        QCOMPARE(find<QLabel>(&wizard, QStringLiteral("scmTokenMessage"))->text(),
                 QStringLiteral("Paste the token."));
        click(&wizard, QStringLiteral("scmVerifyButton"));
        QTest::qWait(50);
        for (QWidget* window : QApplication::topLevelWidgets())
            QVERIFY2(window == &wizard || !window->isVisible(), "no dialog for a typo");
        QVERIFY(backend.verifiedDrafts.isEmpty());
        shoot(wizard, QStringLiteral("3-source-control-typos"));
    }

    void setUpLaterSkipsEachConnection()
    {
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        reachSourceControl(wizard);
        for (int page = WizardController::SourceControlPage; page <= WizardController::CiPage;
             ++page) {
            QCOMPARE(wizard.currentId(), page);
            click(&wizard, QStringLiteral("setUpLaterButton"));
        }
        QCOMPARE(wizard.currentId(), int(WizardController::SummaryPage));
        QCOMPARE(find<QLabel>(&wizard, QStringLiteral("summaryValue3"))->text(),
                 QStringLiteral("Set up later"));
        shoot(wizard, QStringLiteral("7-summary-skipped"));
        click(&wizard, QStringLiteral("finishButton"));
        QTRY_COMPARE(wizard.result(), int(QDialog::Accepted));
        QVERIFY(backend.finishCalls.first().connections.isEmpty());
    }

    void aFailedFinishSaysWhyOnTheSummary()
    {
        FakeConnectionBackend backend;
        backend.finishError =
            Error::unavailable(QStringLiteral("No keychain is available, so nothing was saved."));
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        reachSourceControl(wizard);
        for (int i = 0; i < 4; ++i)
            click(&wizard, QStringLiteral("setUpLaterButton"));
        click(&wizard, QStringLiteral("finishButton"));
        QTRY_COMPARE(find<QLabel>(&wizard, QStringLiteral("finishErrorLabel"))->text(),
                     QStringLiteral("No keychain is available, so nothing was saved."));
        QVERIFY(wizard.isVisible());
        QCOMPARE(wizard.currentId(), int(WizardController::SummaryPage));
        shoot(wizard, QStringLiteral("7-summary-failed"));
    }

    void cancelOnTheLastPageSavesNothing()
    {
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        reachSourceControl(wizard);
        type(&wizard, QStringLiteral("scmRepoUrlEdit"),
             QStringLiteral("https://github.com/acme/app"));
        verify(wizard, QStringLiteral("scm"));
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        click(&wizard, QStringLiteral("nextButton"));
        for (int i = 0; i < 3; ++i)
            click(&wizard, QStringLiteral("setUpLaterButton"));
        QCOMPARE(wizard.currentId(), int(WizardController::SummaryPage));
        click(&wizard, QStringLiteral("cancelButton"));
        QCOMPARE(wizard.result(), int(QDialog::Rejected));
        QTest::qWait(backend.delayMs * 3);
        QVERIFY(backend.finishCalls.isEmpty());
        QVERIFY(
            wizard.controller().connection(WizardController::SourceControlPage)->token().isEmpty());
    }

    void nextOnAnUntestedServerTestsItThenMovesOn()
    {
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        fillWelcome(wizard);
        click(&wizard, QStringLiteral("nextButton"));
        click(&wizard, QStringLiteral("sharedDatabaseRadio"));
        QVERIFY(!find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        type(&wizard, QStringLiteral("hostEdit"), QStringLiteral("db.example.com"));
        type(&wizard, QStringLiteral("databaseEdit"), QStringLiteral("releasedeck"));
        type(&wizard, QStringLiteral("userEdit"), QStringLiteral("ana"));
        type(&wizard, QStringLiteral("passwordEdit"), QStringLiteral("fake-password"));
        click(&wizard, QStringLiteral("nextButton"));
        QCOMPARE(wizard.currentId(), int(WizardController::DatabasePage));
        QVERIFY(find<QWidget>(&wizard, QStringLiteral("testConnectionBusy"))->isVisible());
        QTRY_COMPARE(wizard.currentId(), int(WizardController::SourceControlPage));
        QCOMPARE(backend.databaseTests.size(), 1);
        QCOMPARE(backend.databaseTests.first().password, QStringLiteral("fake-password"));
    }

    void joiningPicksAWorkspaceFromTheSharedServer()
    {
        FakeConnectionBackend backend;
        backend.serverWorkspaces = {{7, QStringLiteral("Acme Mobile"), Role::Editor},
                                    {8, QStringLiteral("Acme Web"), Role::Viewer}};
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        click(&wizard, QStringLiteral("joinWorkspaceRadio"));
        QVERIFY(!find<QLineEdit>(&wizard, QStringLiteral("workspaceNameEdit"))->isEnabled());
        type(&wizard, QStringLiteral("displayNameEdit"), QStringLiteral("Bo Chen"));
        type(&wizard, QStringLiteral("emailEdit"), QStringLiteral("bo@example.com"));
        click(&wizard, QStringLiteral("nextButton"));

        QVERIFY(!find<QWidget>(&wizard, QStringLiteral("localDatabaseRadio"))->isEnabled());
        QVERIFY(find<QAbstractButton>(&wizard, QStringLiteral("sharedDatabaseRadio"))->isChecked());
        type(&wizard, QStringLiteral("hostEdit"), QStringLiteral("db.example.com"));
        type(&wizard, QStringLiteral("databaseEdit"), QStringLiteral("releasedeck"));
        type(&wizard, QStringLiteral("userEdit"), QStringLiteral("bo"));
        type(&wizard, QStringLiteral("passwordEdit"), QStringLiteral("fake-password"));
        click(&wizard, QStringLiteral("testConnectionButton"));
        auto* workspaces = find<QComboBox>(&wizard, QStringLiteral("existingWorkspaceCombo"));
        QTRY_COMPARE(workspaces->count(), 2);
        pick(workspaces, 1);
        shoot(wizard, QStringLiteral("2-database-join"));
        click(&wizard, QStringLiteral("nextButton"));
        for (int i = 0; i < 4; ++i)
            click(&wizard, QStringLiteral("setUpLaterButton"));
        QCOMPARE(find<QLabel>(&wizard, QStringLiteral("summaryValue0"))->text(),
                 QStringLiteral("Join “Acme Web”"));
        click(&wizard, QStringLiteral("finishButton"));
        QTRY_COMPARE(wizard.result(), int(QDialog::Accepted));
        QCOMPARE(backend.finishCalls.first().joinWorkspaceId, qint64(8));
        QVERIFY(backend.finishCalls.first().workspaceName.isEmpty());
        QVERIFY(backend.finishCalls.first().database.shared);
    }

    void enterInTheTokenFieldVerifies()
    {
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        reachSourceControl(wizard);
        type(&wizard, QStringLiteral("scmRepoUrlEdit"),
             QStringLiteral("git@github.com:acme/app.git"));
        type(&wizard, QStringLiteral("scmTokenEdit"), FakeToken);
        QTest::keyClick(find<QLineEdit>(&wizard, QStringLiteral("scmTokenEdit")), Qt::Key_Return);
        QTRY_VERIFY(find<QLabel>(&wizard, QStringLiteral("scmOutcomeLabel"))
                        ->text()
                        .startsWith(QStringLiteral("Valid")));
        QCOMPARE(wizard.currentId(), int(WizardController::SourceControlPage));
        QCOMPARE(backend.verifiedDrafts.size(), 1);
    }

    void tabFollowsTheFormTopToBottom()
    {
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QApplication::setActiveWindow(&wizard);
        const auto tabFrom = [&](const QString& from) {
            find<QWidget>(&wizard, from)->setFocus();
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            return QApplication::focusWidget()->objectName();
        };
        QCOMPARE(tabFrom(QStringLiteral("displayNameEdit")), QStringLiteral("emailEdit"));
        QCOMPARE(tabFrom(QStringLiteral("emailEdit")), QStringLiteral("createWorkspaceRadio"));
        fillWelcome(wizard);
        click(&wizard, QStringLiteral("nextButton"));
        click(&wizard, QStringLiteral("sharedDatabaseRadio"));
        QCOMPARE(tabFrom(QStringLiteral("sharedDatabaseRadio")), QStringLiteral("hostEdit"));
        QCOMPARE(tabFrom(QStringLiteral("hostEdit")), QStringLiteral("portSpin"));
        QCOMPARE(tabFrom(QStringLiteral("userEdit")), QStringLiteral("passwordEdit"));
        click(&wizard, QStringLiteral("localDatabaseRadio"));
        click(&wizard, QStringLiteral("nextButton"));
        QCOMPARE(tabFrom(QStringLiteral("scmProviderCombo")), QStringLiteral("scmRepoUrlEdit"));
        QCOMPARE(tabFrom(QStringLiteral("scmRepoUrlEdit")), QStringLiteral("scmOwnerEdit"));
    }

    void escapeCancels()
    {
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::keyClick(&wizard, Qt::Key_Escape);
        QCOMPARE(wizard.result(), int(QDialog::Rejected));
        QVERIFY(backend.finishCalls.isEmpty());
    }
};

QTEST_MAIN(TestOnboardingWizard)
#include "tst_onboardingwizard.moc"
