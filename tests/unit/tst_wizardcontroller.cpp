#include "FakeConnectionBackend.h"
#include "model/Connection.h"
#include "wizard/ConnectionStep.h"
#include "wizard/DatabaseStep.h"
#include "wizard/WizardController.h"
#include "wizard/WorkspaceStep.h"

#include <QJsonObject>
#include <QTest>

using namespace ReleaseDeck;
using ReleaseDeck::Test::FakeConnectionBackend;

namespace {

const QString FakeToken = QStringLiteral("fake-token-for-tests");

} // namespace

// The onboarding wizard's rules and transitions, without any window.
class TestWizardController : public QObject
{
    Q_OBJECT

private:
    void fillWelcome(WizardController& wizard)
    {
        wizard.workspace()->setWorkspaceName(QStringLiteral("Acme Mobile"));
        wizard.workspace()->setDisplayName(QStringLiteral("Ana Lima"));
        wizard.workspace()->setEmail(QStringLiteral("ana@example.com"));
    }

    void reachSourceControl(WizardController& wizard)
    {
        fillWelcome(wizard);
        QVERIFY(wizard.next());
        QVERIFY(wizard.next());
        QCOMPARE(wizard.page(), int(WizardController::SourceControlPage));
    }

    void verifyScm(ConnectionStep* scm, const QString& token = FakeToken)
    {
        scm->setRepositoryUrl(QStringLiteral("https://github.com/acme/app"));
        scm->setToken(token);
        scm->verify();
        QCOMPARE(scm->state(), ConnectionStep::State::Verifying);
        QVERIFY(scm->busy());
    }

private slots:
    void welcomeNeedsNameEmailAndWorkspace()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        QCOMPARE(wizard.page(), int(WizardController::WelcomePage));
        QVERIFY(!wizard.canGoNext());
        // Nothing typed yet: no message until the person tries to go on.
        QVERIFY(wizard.workspace()->fieldError(QStringLiteral("email")).isEmpty());
        QVERIFY(!wizard.next());
        QCOMPARE(wizard.workspace()->fieldError(QStringLiteral("email")),
                 QStringLiteral("Enter your email address."));

        wizard.workspace()->setEmail(QStringLiteral("ana at example"));
        QCOMPARE(wizard.workspace()->fieldError(QStringLiteral("email")),
                 QStringLiteral("Enter an email address like ana@example.com."));
        wizard.workspace()->setWorkspaceName(QString(101, u'x'));
        QVERIFY(wizard.workspace()->fieldError(QStringLiteral("workspaceName")).contains(u"100"));
        wizard.workspace()->setWorkspaceName(QStringLiteral("   "));
        QCOMPARE(wizard.workspace()->fieldError(QStringLiteral("workspaceName")),
                 QStringLiteral("Enter a workspace name."));

        fillWelcome(wizard);
        QVERIFY(wizard.canGoNext());
        QVERIFY(wizard.next());
        QCOMPARE(wizard.page(), int(WizardController::DatabasePage));
    }

    // Joining, you are the database account you sign in with: no name, e-mail or workspace
    // name is asked.
    void joiningNeedsNoWorkspaceNameButASharedServer()
    {
        FakeConnectionBackend backend;
        backend.serverWorkspaces = {{7, QStringLiteral("Acme Mobile"), Role::Editor}};
        WizardController wizard(backend);
        wizard.workspace()->setJoining(true);
        QVERIFY(wizard.workspace()->fieldError(QStringLiteral("email")).isEmpty());
        QVERIFY(wizard.workspace()->fieldError(QStringLiteral("displayName")).isEmpty());
        QVERIFY(wizard.next());

        QVERIFY2(!wizard.canGoNext(), "joining needs a shared server");
        DatabaseStep* db = wizard.database();
        db->setShared(true);
        db->setHost(QStringLiteral("db.example.com"));
        db->setDatabase(QStringLiteral("releasedeck"));
        db->setUser(QStringLiteral("ana"));
        db->setPassword(QStringLiteral("fake-password"));
        db->test();
        QTRY_COMPARE(db->testState(), DatabaseStep::TestState::Succeeded);
        QCOMPARE(db->chosenWorkspace(), qint64(7));
        QVERIFY(wizard.next());
        QCOMPARE(wizard.result().joinWorkspaceId, qint64(7));
        QVERIFY(wizard.result().workspaceName.isEmpty());
    }

    void localDatabaseNeedsNothing()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        fillWelcome(wizard);
        QVERIFY(wizard.next());
        QVERIFY(wizard.canGoNext());
        QVERIFY(backend.databaseTests.isEmpty());
    }

    void sharedDatabaseChecksFieldsAndTests()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        fillWelcome(wizard);
        QVERIFY(wizard.next());
        DatabaseStep* db = wizard.database();
        db->setShared(true);
        QVERIFY(!wizard.canGoNext());
        db->setHost(QStringLiteral("db example"));
        QVERIFY(db->fieldError(QStringLiteral("host")).contains(QStringLiteral("without spaces")));
        db->setHost(QStringLiteral("db.example.com"));
        db->setPort(0);
        QCOMPARE(db->fieldError(QStringLiteral("port")),
                 QStringLiteral("Enter a port between 1 and 65535."));
        db->setPort(3306);
        db->setDatabase(QStringLiteral("releasedeck"));
        db->setUser(QStringLiteral("ana"));
        db->setPassword(QStringLiteral("wrong-fake-password"));
        QVERIFY(db->fieldsValid());
        QVERIFY2(!wizard.canGoNext(), "not tested yet");

        db->test();
        QVERIFY(wizard.busy());
        QTRY_COMPARE(db->testState(), DatabaseStep::TestState::Failed);
        QCOMPARE(db->testMessage(), QStringLiteral("The server refused user ana: wrong password."));
        QVERIFY(!wizard.canGoNext());

        db->setPassword(QStringLiteral("fake-password"));
        QCOMPARE(db->testState(), DatabaseStep::TestState::NotTested);
        db->test();
        QTRY_COMPARE(db->testState(), DatabaseStep::TestState::Succeeded);
        QVERIFY(wizard.canGoNext());
        QCOMPARE(backend.databaseTests.size(), 2);
        QCOMPARE(backend.databaseTests.last().host, QStringLiteral("db.example.com"));

        db->setHost(QStringLiteral("other.example.com"));
        QVERIFY2(!wizard.canGoNext(), "a changed server must be tested again");
    }

    void sourceControlValidatesAsTyped()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        reachSourceControl(wizard);
        ConnectionStep* scm = wizard.connection(WizardController::SourceControlPage);
        QVERIFY(!wizard.canGoNext());

        scm->setField(QStringLiteral("owner"), QStringLiteral("ac me"));
        QCOMPARE(
            scm->fieldError(QStringLiteral("owner")),
            QStringLiteral("The owner contains spaces; use the name as it appears in the URL."));
        QVERIFY(scm->fieldError(QStringLiteral("repo")).isEmpty());

        scm->setRepositoryUrl(QStringLiteral("not a url"));
        QVERIFY(scm->fieldError(QStringLiteral("repoUrl")).contains(u"not a repository"));

        scm->setRepositoryUrl(QStringLiteral("https://ghe.acme.com/acme/app.git"));
        QCOMPARE(scm->provider(), QStringLiteral("github-enterprise"));
        QCOMPARE(scm->field(QStringLiteral("owner")), QStringLiteral("acme"));
        QCOMPARE(scm->field(QStringLiteral("repo")), QStringLiteral("app"));
        QCOMPARE(scm->field(QStringLiteral("apiUrl")),
                 QStringLiteral("https://ghe.acme.com/api/v3"));
        QVERIFY(scm->fieldError(QStringLiteral("repoUrl")).isEmpty());

        scm->setField(QStringLiteral("apiUrl"), QStringLiteral("http://ghe.acme.com/api/v3"));
        QCOMPARE(scm->fieldError(QStringLiteral("apiUrl")),
                 QStringLiteral("Use https:// for the API address; plain http:// is only allowed "
                                "for this computer."));
        scm->setField(QStringLiteral("apiUrl"), QStringLiteral("http://localhost:8080/api/v3"));
        QVERIFY(scm->fieldError(QStringLiteral("apiUrl")).isEmpty());
        // All of 127.0.0.0/8 is this computer, as for the command line and the providers.
        scm->setField(QStringLiteral("apiUrl"), QStringLiteral("http://127.0.0.2:8080/api/v3"));
        QCOMPARE(scm->fieldError(QStringLiteral("apiUrl")), QString());

        scm->setToken(QStringLiteral("   "));
        QCOMPARE(scm->fieldError(QStringLiteral("token")), QStringLiteral("Paste the token."));
        scm->setToken(QStringLiteral("fake token"));
        QCOMPARE(scm->fieldError(QStringLiteral("token")),
                 QStringLiteral("The token contains spaces; paste it again without them."));
        scm->setToken(QString(1025, u'x'));
        QVERIFY(scm->fieldError(QStringLiteral("token")).contains(u"1024"));
        QVERIFY(!scm->canVerify());

        scm->verify();
        QVERIFY2(backend.verifiedDrafts.isEmpty(), "a malformed page is never sent");
    }

    void sourceControlVerifiesThenPicksTheDefaultBranch()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        reachSourceControl(wizard);
        ConnectionStep* scm = wizard.connection(WizardController::SourceControlPage);
        verifyScm(scm);
        QVERIFY(!wizard.canGoNext());
        QTRY_COMPARE(scm->state(), ConnectionStep::State::Valid);
        QTRY_VERIFY(!scm->loadingChoices());
        QCOMPARE(scm->choices().items.size(), 3);
        QCOMPARE(scm->field(QStringLiteral("defaultBranch")), QStringLiteral("main"));
        QVERIFY(wizard.canGoNext());

        const ConnectionDraft sent = backend.verifiedDrafts.last();
        QCOMPARE(sent.provider, QStringLiteral("github"));
        QCOMPARE(sent.token, FakeToken);
        QCOMPARE(sent.config.value(u"owner").toString(), QStringLiteral("acme"));

        scm->setField(QStringLiteral("defaultBranch"), QStringLiteral("develop"));
        QCOMPARE(scm->state(), ConnectionStep::State::Valid);
        QCOMPARE(scm->draft().config.value(u"defaultBranch").toString(), QStringLiteral("develop"));

        scm->setToken(QStringLiteral("another-fake-token"));
        QCOMPARE(scm->state(), ConnectionStep::State::Unverified);
        QVERIFY(scm->field(QStringLiteral("defaultBranch")).isEmpty());
        QVERIFY(!wizard.canGoNext());
    }

    void verificationFailuresBlockNext_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<ConnectionStep::State>("state");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid") << QStringLiteral("fake-invalid-token")
                                 << ConnectionStep::State::Invalid
                                 << QStringLiteral(
                                        "The provider refused the token: Bad credentials.");
        QTest::newRow("expired") << QStringLiteral("fake-expired-token")
                                 << ConnectionStep::State::Expired
                                 << QStringLiteral("The token expired on 1 March.");
        QTest::newRow("unreachable")
            << QStringLiteral("fake-unreachable-token") << ConnectionStep::State::Unreachable
            << QStringLiteral("Could not reach the provider: the connection timed out.");
    }

    void verificationFailuresBlockNext()
    {
        QFETCH(QString, token);
        QFETCH(ConnectionStep::State, state);
        QFETCH(QString, message);
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        reachSourceControl(wizard);
        ConnectionStep* scm = wizard.connection(WizardController::SourceControlPage);
        verifyScm(scm, token);
        QTRY_COMPARE(scm->state(), state);
        QCOMPARE(scm->message(), message);
        QVERIFY(!wizard.canGoNext());
        QVERIFY(!wizard.next());
        QCOMPARE(wizard.page(), int(WizardController::SourceControlPage));
    }

    void aLateAnswerForOldFieldsIsIgnored()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        reachSourceControl(wizard);
        ConnectionStep* scm = wizard.connection(WizardController::SourceControlPage);
        verifyScm(scm);
        scm->setToken(QStringLiteral("fake-invalid-token"));
        QTest::qWait(backend.delayMs * 3);
        QCOMPARE(scm->state(), ConnectionStep::State::Unverified);
    }

    void slackChannelsAreSearchableAndPaginated()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        ConnectionStep* slack = wizard.connection(WizardController::ChatPage);
        slack->setToken(FakeToken);
        slack->verify();
        QTRY_COMPARE(slack->state(), ConnectionStep::State::Valid);
        QCOMPARE(slack->message(), QStringLiteral("Verified. Pick the Slack channel."));
        QTRY_COMPARE(slack->choices().items.size(), 50);
        QCOMPARE(slack->choices().nextCursor, QStringLiteral("50"));
        slack->loadMoreChoices();
        QTRY_COMPARE(slack->choices().items.size(), 100);
        slack->loadMoreChoices();
        QTRY_COMPARE(slack->choices().items.size(), 120);
        QVERIFY(slack->choices().nextCursor.isEmpty());

        slack->searchChoices(QStringLiteral("releases"));
        QTRY_COMPARE(slack->choices().items.size(), 1);
        QVERIFY(!slack->isComplete());
        slack->setField(QStringLiteral("channel"), QStringLiteral("C1000"));
        QVERIFY(slack->isComplete());
        QCOMPARE(slack->draft().displayName, QStringLiteral("#releases"));
        QCOMPARE(slack->draft().config.value(u"channel").toString(), QStringLiteral("C1000"));
        QCOMPARE(slack->message(), QStringLiteral("Verified. Posting as release-bot."));
    }

    // The ready state is optional, as on the command line (--ready-state): one rule, core's.
    void jiraNeedsAProjectKey()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        ConnectionStep* jira = wizard.connection(WizardController::IssuesPage);
        QCOMPARE(jira->provider(), QStringLiteral("jira-cloud"));
        jira->setField(QStringLiteral("siteUrl"), QStringLiteral("https://acme.atlassian.net"));
        jira->setField(QStringLiteral("email"), QStringLiteral("ana@example.com"));
        jira->setToken(FakeToken);
        QVERIFY(!jira->fieldsValid());
        jira->verify();
        QCOMPARE(jira->fieldError(QStringLiteral("projectKey.ANDROID")),
                 QStringLiteral("Enter the project key of at least one platform."));
        jira->setField(QStringLiteral("projectKey.IOS"), QStringLiteral("mob"));
        QVERIFY(jira->fieldError(QStringLiteral("projectKey.IOS")).contains(u"capital"));
        jira->setField(QStringLiteral("projectKey.IOS"), QStringLiteral("MOB"));
        QCOMPARE(jira->fieldError(QStringLiteral("readyState.IOS")), QString());
        QVERIFY(jira->fieldsValid());
        jira->setField(QStringLiteral("readyState.IOS"), QStringLiteral("Ready for Release"));
        QVERIFY(jira->fieldsValid());

        jira->setProvider(QStringLiteral("jira-server"));
        jira->setField(QStringLiteral("email"), QString());
        QVERIFY2(jira->fieldsValid(), "Server / Data Center needs no email");
        jira->verify();
        QTRY_VERIFY(jira->isComplete());
        const QJsonObject config = jira->draft().config;
        QCOMPARE(config.value(u"projectKeys").toObject().value(u"IOS").toString(),
                 QStringLiteral("MOB"));
        QCOMPARE(config.value(u"readyStates").toObject().value(u"IOS").toString(),
                 QStringLiteral("Ready for Release"));
    }

    void ciOnGitHubActionsStartsFromTheVerifiedRepository()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        reachSourceControl(wizard);
        verifyScm(wizard.connection(WizardController::SourceControlPage));
        ConnectionStep* ci = wizard.connection(WizardController::CiPage);
        QTRY_COMPARE(ci->field(QStringLiteral("repo")), QStringLiteral("app"));
        QCOMPARE(ci->field(QStringLiteral("owner")), QStringLiteral("acme"));

        ci->setToken(FakeToken);
        ci->verify();
        QTRY_COMPARE(ci->choices().items.size(), 3);
        QCOMPARE(ci->message(),
                 QStringLiteral("Verified. Pick the workflow of at least one purpose."));
        ci->setField(QStringLiteral("workflow.REGRESSION_BUILD"), QStringLiteral("regression.yml"));
        QVERIFY(ci->isComplete());
        QCOMPARE(ci->draft().config.value(u"workflows").toObject().value(u"REGRESSION_BUILD"),
                 QStringLiteral("regression.yml"));
    }

    void ciOnJenkinsNeedsAJob()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        ConnectionStep* ci = wizard.connection(WizardController::CiPage);
        ci->setProvider(QStringLiteral("jenkins"));
        ci->setField(QStringLiteral("url"), QStringLiteral("https://ci.acme.com"));
        ci->setField(QStringLiteral("user"), QStringLiteral("release-bot"));
        ci->setToken(FakeToken);
        QVERIFY(!ci->fieldsValid());
        ci->setField(QStringLiteral("job.AUTOMATION"), QStringLiteral("app/e2e"));
        ci->verify();
        QTRY_VERIFY(ci->isComplete());
        QCOMPARE(ci->draft().config.value(u"jobs").toObject().value(u"AUTOMATION"),
                 QStringLiteral("app/e2e"));
        QCOMPARE(ci->draft().displayName, QStringLiteral("Jenkins at ci.acme.com"));
    }

    void skippingLeavesTheConnectionOut()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        reachSourceControl(wizard);
        for (int page = WizardController::SourceControlPage; page <= WizardController::CiPage;
             ++page) {
            QCOMPARE(wizard.page(), page);
            wizard.skip();
        }
        QCOMPARE(wizard.page(), int(WizardController::SummaryPage));
        QVERIFY(wizard.canFinish());
        QVERIFY(wizard.result().connections.isEmpty());

        wizard.back();
        QCOMPARE(wizard.page(), int(WizardController::CiPage));
        ConnectionStep* ci = wizard.connection(WizardController::CiPage);
        ci->setToken(FakeToken);
        QVERIFY2(!ci->skipped(), "typing on a skipped page takes it up again");
        QVERIFY(!wizard.canGoNext());
    }

    void finishSendsEverythingOnce()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        reachSourceControl(wizard);
        verifyScm(wizard.connection(WizardController::SourceControlPage));
        QTRY_VERIFY(wizard.canGoNext());
        QVERIFY(wizard.next());
        wizard.skip();
        wizard.skip();
        wizard.skip();
        QVERIFY(backend.finishCalls.isEmpty());

        wizard.finish();
        QVERIFY(wizard.busy());
        QVERIFY(!wizard.canFinish());
        QTRY_VERIFY(wizard.finished());
        QCOMPARE(backend.finishCalls.size(), 1);
        const WizardResult sent = backend.finishCalls.first();
        QCOMPARE(sent.workspaceName, QStringLiteral("Acme Mobile"));
        QCOMPARE(sent.displayName, QStringLiteral("Ana Lima"));
        QCOMPARE(sent.email, QStringLiteral("ana@example.com"));
        QVERIFY(!sent.database.shared);
        QCOMPARE(sent.connections.size(), 1);
        QCOMPARE(sent.connections.first().category, ConnectionCategory::Scm);
        QCOMPARE(sent.connections.first().token, FakeToken);
        QCOMPARE(sent.connections.first().displayName, QStringLiteral("acme/app"));
    }

    void aFailedFinishSaysWhyAndCanBeRetried()
    {
        FakeConnectionBackend backend;
        backend.finishError =
            Error::unavailable(QStringLiteral("No keychain is available, so nothing was saved."));
        WizardController wizard(backend);
        reachSourceControl(wizard);
        for (int i = 0; i < 4; ++i)
            wizard.skip();
        wizard.finish();
        QTRY_COMPARE(wizard.errorText(),
                     QStringLiteral("No keychain is available, so nothing was saved."));
        QVERIFY(!wizard.finished());
        QVERIFY(wizard.canFinish());
        backend.finishError.reset();
        wizard.finish();
        QTRY_VERIFY(wizard.finished());
        QVERIFY(wizard.errorText().isEmpty());
    }

    void editingKeepsWhatWasPickedUntilTheFieldsChange()
    {
        FakeConnectionBackend backend;
        ConnectionStep scm(ConnectionCategory::Scm, backend);
        Connection saved;
        saved.category = ConnectionCategory::Scm;
        saved.provider = QStringLiteral("gitlab");
        saved.config = {{QStringLiteral("project"), QStringLiteral("group/app")},
                        {QStringLiteral("defaultBranch"), QStringLiteral("develop")}};
        scm.load(saved);
        QCOMPARE(scm.provider(), QStringLiteral("gitlab"));
        QCOMPARE(scm.field(QStringLiteral("project")), QStringLiteral("group/app"));
        QVERIFY2(!scm.isComplete(), "the token must be entered again");
        scm.setToken(FakeToken);
        scm.verify();
        QTRY_COMPARE(scm.state(), ConnectionStep::State::Valid);
        QCOMPARE(scm.field(QStringLiteral("defaultBranch")), QStringLiteral("develop"));
        QVERIFY(scm.isComplete());
        scm.setField(QStringLiteral("project"), QStringLiteral("group/other"));
        QVERIFY(scm.field(QStringLiteral("defaultBranch")).isEmpty());
    }

    void cancelForgetsSecretsAndNeverFinishes()
    {
        FakeConnectionBackend backend;
        WizardController wizard(backend);
        reachSourceControl(wizard);
        ConnectionStep* scm = wizard.connection(WizardController::SourceControlPage);
        verifyScm(scm);
        wizard.database()->setPassword(QStringLiteral("fake-password"));
        wizard.cancel();
        QVERIFY(scm->token().isEmpty());
        QVERIFY(wizard.database()->draft().password.isEmpty());
        QTest::qWait(backend.delayMs * 3);
        QCOMPARE(scm->state(), ConnectionStep::State::Unverified);
        wizard.setPage(WizardController::SummaryPage);
        wizard.finish();
        QVERIFY(!wizard.canFinish());
        QVERIFY(backend.finishCalls.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWizardController)
#include "tst_wizardcontroller.moc"
