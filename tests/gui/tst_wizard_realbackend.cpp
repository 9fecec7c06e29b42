#include "FakeGitHub.h"
#include "FakeHttpServer.h"
#include "Screenshots.h"
#include "TestKeyring.h"
#include "WizardDriver.h"
#include "backend/AppBackend.h"
#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "secrets/KeychainSecretStore.h"
#include "services/Identity.h"
#include "store/AccountStore.h"
#include "store/ConnectionStore.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"
#include "wizard/ConnectionStep.h"
#include "wizard/OnboardingWizard.h"
#include "wizard/WizardController.h"

#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTest>

using namespace ReleaseDeck;
using ReleaseDeck::Test::click;
using ReleaseDeck::Test::FakeGitHub;
using ReleaseDeck::Test::FakeHttpServer;
using ReleaseDeck::Test::FakeResponse;
using ReleaseDeck::Test::find;
using ReleaseDeck::Test::keychainEntries;
using ReleaseDeck::Test::type;

namespace {

const QString ScmToken = QStringLiteral("fake-ghe-token-for-tests");
const QString SlackToken = QStringLiteral("fake-slack-token-for-tests");
const QString JiraToken = QStringLiteral("fake-jira-token-for-tests");
const QString CiToken = QStringLiteral("fake-actions-token-for-tests");
constexpr int NetworkTimeoutMs = 20000;

} // namespace

// The real wizard on the real backend: SQLite under the test's XDG_DATA_HOME, the private
// test keychain, and fake GitHub Enterprise and Slack servers on 127.0.0.1.
class TestWizardRealBackend : public QObject
{
    Q_OBJECT

private:
    void shoot(QWizard& wizard, const QString& name)
    {
        QVERIFY(
            !Test::saveScreenshot(&wizard, QStringLiteral("realbackend-wizard-") + name).isEmpty());
    }

    static QString databasePath() { return DatabaseUrl::defaultLocal().path; }

    static void addSlackRoutes(FakeHttpServer& slack)
    {
        slack.on("POST", "/auth.test",
                 FakeResponse::json(200, R"({"ok":true,"user":"releasebot","user_id":"U0BOT",
                                             "team":"Acme","team_id":"T0ACME","bot_id":"B0BOT"})")
                     .withHeader("x-oauth-scopes", "chat:write,channels:read,groups:read"));
        slack.on("GET", "/conversations.list", FakeResponse::json(200, R"({"ok":true,"channels":[
                 {"id":"C0200BBBB","name":"general","is_private":false,"is_archived":false,"is_member":false},
                 {"id":"C0100AAAA","name":"releases","is_private":false,"is_archived":false,"is_member":true},
                 {"id":"C0300CCCC","name":"old-releases","is_private":false,"is_archived":true,"is_member":true}],
                 "response_metadata":{"next_cursor":""}})"));
        slack.on(
            "GET", "/conversations.info",
            FakeResponse::json(200, R"({"ok":true,"channel":{"id":"C0100AAAA","name":"releases",
                     "is_private":false,"is_archived":false,"is_member":true}})"));
    }

    static void addBranches(FakeGitHub& github)
    {
        github.server().on("GET", github.repoPath(QStringLiteral("/branches")),
                           FakeResponse::json(200, R"([{"name":"main","commit":{"sha":"a1"}},
                                {"name":"develop","commit":{"sha":"b2"}},
                                {"name":"release/1.4","commit":{"sha":"c3"}}])"));
    }

    void fillWelcome(QWizard& wizard)
    {
        type(&wizard, QStringLiteral("displayNameEdit"), QStringLiteral("Ana Lima"));
        type(&wizard, QStringLiteral("emailEdit"), QStringLiteral("ana@example.com"));
        type(&wizard, QStringLiteral("workspaceNameEdit"), QStringLiteral("Acme Mobile"));
    }

    void reachSourceControl(QWizard& wizard)
    {
        fillWelcome(wizard);
        click(&wizard, QStringLiteral("nextButton"));
        QCOMPARE(wizard.currentId(), int(WizardController::DatabasePage));
        QVERIFY(find<QAbstractButton>(&wizard, QStringLiteral("localDatabaseRadio"))->isChecked());
        click(&wizard, QStringLiteral("nextButton"));
        QCOMPARE(wizard.currentId(), int(WizardController::SourceControlPage));
    }

    void verifySourceControl(QWizard& wizard, const FakeGitHub& github, const QString& token)
    {
        type(&wizard, QStringLiteral("scmRepoUrlEdit"),
             github.apiUrl().resolved(QUrl(QStringLiteral("/octo/app.git"))).toString());
        QCOMPARE(
            find<QComboBox>(&wizard, QStringLiteral("scmProviderCombo"))->currentData().toString(),
            QStringLiteral("github-enterprise"));
        QCOMPARE(find<QLineEdit>(&wizard, QStringLiteral("scmApiUrlEdit"))->text(),
                 github.apiUrl().toString());
        type(&wizard, QStringLiteral("scmTokenEdit"), token);
        click(&wizard, QStringLiteral("scmVerifyButton"));
    }

    static QString outcome(QWizard& wizard, const QString& prefix)
    {
        return wizard.findChild<QLabel*>(prefix + QStringLiteral("OutcomeLabel"))->text();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("ReleaseDeck"));
        QVERIFY2(databasePath().contains(QStringLiteral("/releasedeck-keychain.")),
                 "runs only inside with-test-keychain.sh, never on a real profile");
    }

    void init()
    {
        QSettings().clear();
        QFile::remove(databasePath());
        QProcess::execute(QStringLiteral("secret-tool"),
                          {QStringLiteral("clear"), QStringLiteral("server"),
                           KeychainSecretStore::serviceName()});
        QCOMPARE(keychainEntries(), 0);
    }

    void completesThePagesAndSavesRowsAndKeychainEntries()
    {
        FakeGitHub github(QStringLiteral("/api/v3"));
        addBranches(github);
        github.actions().addWorkflow(11, QStringLiteral("Regression build"),
                                     QStringLiteral(".github/workflows/regression.yml"));
        github.actions().addWorkflow(12, QStringLiteral("Pre-regression build"),
                                     QStringLiteral(".github/workflows/pre-regression.yml"));
        FakeHttpServer slack;
        addSlackRoutes(slack);
        FakeHttpServer jira;
        jira.on("GET", "/rest/api/3/myself",
                FakeResponse::json(200, R"({"accountId":"acc-ana","displayName":"Ana Lima"})"));
        jira.on("GET", "/rest/api/3/project/AND",
                FakeResponse::json(200, R"({"key":"AND","name":"Acme Android"})"));
        AppBackend backend;
        QVERIFY(backend.needsOnboarding());
        OnboardingWizard wizard(backend);
        wizard.resize(880, 680);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        shoot(wizard, QStringLiteral("1-welcome"));
        reachSourceControl(wizard);
        verifySourceControl(wizard, github, ScmToken);
        QTRY_VERIFY_WITH_TIMEOUT(outcome(wizard, QStringLiteral("scm")).startsWith(u"Valid"),
                                 NetworkTimeoutMs);
        auto* branch = find<QComboBox>(&wizard, QStringLiteral("scmBranchCombo"));
        QTRY_COMPARE_WITH_TIMEOUT(branch->count(), 3, NetworkTimeoutMs);
        QCOMPARE(branch->currentText(), QStringLiteral("main"));
        branch->setFocus();
        QTest::keyClick(branch, Qt::Key_Down);
        QCOMPARE(branch->currentText(), QStringLiteral("develop"));
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        shoot(wizard, QStringLiteral("3-source-control"));
        QCOMPARE(github.count("GET", QString()), 1);
        QCOMPARE(github.requests("GET", QString()).first().header("authorization"),
                 QByteArray("Bearer " + ScmToken.toLatin1()));
        click(&wizard, QStringLiteral("nextButton"));

        QCOMPARE(wizard.currentId(), int(WizardController::ChatPage));
        // The wizard has no field for Slack's API address: point the step at the fake.
        wizard.controller()
            .connection(WizardController::ChatPage)
            ->setField(QStringLiteral("apiUrl"), slack.url().toString());
        type(&wizard, QStringLiteral("slackTokenEdit"), SlackToken);
        click(&wizard, QStringLiteral("slackVerifyButton"));
        QTRY_VERIFY2_WITH_TIMEOUT(outcome(wizard, QStringLiteral("slack")).startsWith(u"Valid"),
                                  qPrintable(outcome(wizard, QStringLiteral("slack"))),
                                  NetworkTimeoutMs);
        auto* channels = find<QListWidget>(&wizard, QStringLiteral("slackChannelList"));
        QTRY_COMPARE_WITH_TIMEOUT(channels->count(), 2, NetworkTimeoutMs);
        QCOMPARE(channels->item(1)->text(), QStringLiteral("#releases"));
        QVERIFY(!find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        channels->setCurrentRow(1);
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        QCOMPARE(outcome(wizard, QStringLiteral("slack")),
                 QStringLiteral("Valid — Verified. Posting as releasebot."));
        shoot(wizard, QStringLiteral("4-slack"));
        click(&wizard, QStringLiteral("nextButton"));

        QCOMPARE(wizard.currentId(), int(WizardController::IssuesPage));
        type(&wizard, QStringLiteral("jiraSiteUrlEdit"), jira.url().toString());
        type(&wizard, QStringLiteral("jiraEmailEdit"), QStringLiteral("ana@example.com"));
        type(&wizard, QStringLiteral("jiraProjectKeyAndroidEdit"), QStringLiteral("AND"));
        type(&wizard, QStringLiteral("jiraReadyStateAndroidEdit"),
             QStringLiteral("Ready for Release"));
        type(&wizard, QStringLiteral("jiraTokenEdit"), JiraToken);
        click(&wizard, QStringLiteral("jiraVerifyButton"));
        QTRY_VERIFY2_WITH_TIMEOUT(outcome(wizard, QStringLiteral("jira")).startsWith(u"Valid"),
                                  qPrintable(outcome(wizard, QStringLiteral("jira"))),
                                  NetworkTimeoutMs);
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        QCOMPARE(jira.requests("GET", "/rest/api/3/project/AND").size(), 1);
        shoot(wizard, QStringLiteral("5-jira"));
        click(&wizard, QStringLiteral("nextButton"));
        QCOMPARE(wizard.currentId(), int(WizardController::CiPage));
        QCOMPARE(find<QLineEdit>(&wizard, QStringLiteral("ciApiUrlEdit"))->text(),
                 github.apiUrl().toString());
        type(&wizard, QStringLiteral("ciTokenEdit"), CiToken);
        click(&wizard, QStringLiteral("ciVerifyButton"));
        QTRY_VERIFY2_WITH_TIMEOUT(outcome(wizard, QStringLiteral("ci")).startsWith(u"Valid"),
                                  qPrintable(outcome(wizard, QStringLiteral("ci"))),
                                  NetworkTimeoutMs);
        auto* regression =
            find<QComboBox>(&wizard, QStringLiteral("ciWorkflowRegressionBuildCombo"));
        QTRY_VERIFY_WITH_TIMEOUT(regression->findData(QStringLiteral("regression.yml")) > 0,
                                 NetworkTimeoutMs);
        // As a person picks: the page listens to activated(), not to programmatic changes.
        regression->setFocus();
        regression->setCurrentIndex(regression->findData(QStringLiteral("regression.yml")) - 1);
        QTest::keyClick(regression, Qt::Key_Down);
        QCOMPARE(regression->currentData().toString(), QStringLiteral("regression.yml"));
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        shoot(wizard, QStringLiteral("6-ci"));
        click(&wizard, QStringLiteral("nextButton"));
        QCOMPARE(wizard.currentId(), int(WizardController::SummaryPage));
        shoot(wizard, QStringLiteral("7-summary"));
        QVERIFY(!QFile::exists(databasePath()));
        QCOMPARE(keychainEntries(), 0);

        click(&wizard, QStringLiteral("finishButton"));
        QTRY_COMPARE_WITH_TIMEOUT(wizard.result(), int(QDialog::Accepted), NetworkTimeoutMs);
        QVERIFY(!backend.needsOnboarding());

        const QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("database/url")).toString(),
                 QStringLiteral("sqlite:") + databasePath());
        // Who the app acts as is the local user, not what the form said; the form named it.
        QVERIFY(!settings.contains(QStringLiteral("account/login")));

        Database database(DatabaseUrl::defaultLocal());
        QVERIFY(database.open().ok());
        Result<QList<Workspace>> workspaces = WorkspaceStore(database).list();
        QVERIFY(workspaces.ok());
        QCOMPARE(workspaces->size(), 1);
        QCOMPARE(workspaces->first().name, QStringLiteral("Acme Mobile"));
        const qint64 workspaceId = workspaces->first().id;
        Result<std::optional<Account>> account =
            AccountStore(database).findByLogin(Identity::localLogin());
        QVERIFY(account.ok() && account->has_value());
        QCOMPARE((*account)->displayName, QStringLiteral("Ana Lima"));
        QCOMPARE((*account)->email, QStringLiteral("ana@example.com"));
        Result<std::optional<Role>> role =
            MembershipStore(database).roleOf(workspaceId, (*account)->id);
        QVERIFY(role.ok() && role->has_value());
        QCOMPARE(**role, Role::Owner);

        Result<QList<Connection>> rows = ConnectionStore(database).listActive(workspaceId);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 4);
        KeychainSecretStore keychain;
        QHash<ConnectionCategory, Connection> byCategory;
        for (const Connection& row : std::as_const(*rows)) {
            QCOMPARE(row.status, VerificationStatus::Valid);
            QVERIFY(row.lastVerifiedAt.isValid());
            QVERIFY(!row.secretRef.isEmpty());
            byCategory.insert(row.category, row);
        }
        const Connection scm = byCategory.value(ConnectionCategory::Scm);
        QCOMPARE(scm.provider, QStringLiteral("github-enterprise"));
        QCOMPARE(scm.config.value(u"apiUrl").toString(), github.apiUrl().toString());
        QCOMPARE(scm.config.value(u"defaultBranch").toString(), QStringLiteral("develop"));
        QCOMPARE(awaitSecret(keychain.read(scm.secretRef)).secret, ScmToken);
        const Connection chat = byCategory.value(ConnectionCategory::Chat);
        QCOMPARE(chat.provider, QStringLiteral("slack"));
        QCOMPARE(chat.displayName, QStringLiteral("#releases"));
        QCOMPARE(chat.config.value(u"channel").toString(), QStringLiteral("C0100AAAA"));
        QCOMPARE(awaitSecret(keychain.read(chat.secretRef)).secret, SlackToken);
        const Connection ci = byCategory.value(ConnectionCategory::Ci);
        QCOMPARE(ci.provider, QStringLiteral("github-actions"));
        QCOMPARE(ci.config.value(u"workflows").toObject().value(u"REGRESSION_BUILD").toString(),
                 QStringLiteral("regression.yml"));
        QCOMPARE(awaitSecret(keychain.read(ci.secretRef)).secret, CiToken);
        const Connection issues = byCategory.value(ConnectionCategory::Issues);
        QCOMPARE(issues.provider, QStringLiteral("jira-cloud"));
        QCOMPARE(issues.config.value(u"projectKeys").toObject().value(u"ANDROID").toString(),
                 QStringLiteral("AND"));
        QCOMPARE(awaitSecret(keychain.read(issues.secretRef)).secret, JiraToken);
        QCOMPARE(keychainEntries(), 4);
    }

    void anInvalidTokenShowsTheProvidersReasonAndBlocksNext()
    {
        FakeGitHub github(QStringLiteral("/api/v3"));
        github.server().on("GET", github.repoPath(),
                           FakeResponse::json(401, R"({"message":"Bad credentials"})"));
        AppBackend backend;
        OnboardingWizard wizard(backend);
        wizard.resize(880, 680);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        reachSourceControl(wizard);
        verifySourceControl(wizard, github, QStringLiteral("fake-revoked-token"));
        QTRY_VERIFY_WITH_TIMEOUT(outcome(wizard, QStringLiteral("scm")).startsWith(u"Invalid"),
                                 NetworkTimeoutMs);
        QVERIFY2(outcome(wizard, QStringLiteral("scm")).contains(u"Bad credentials"),
                 qPrintable(outcome(wizard, QStringLiteral("scm"))));
        QVERIFY(!find<QWidget>(&wizard, QStringLiteral("scmVerifyBusy"))->isVisible());
        QVERIFY(!find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        QTest::keyClick(&wizard, Qt::Key_Return);
        QCOMPARE(wizard.currentId(), int(WizardController::SourceControlPage));
        shoot(wizard, QStringLiteral("3-source-control-invalid"));
        QCOMPARE(keychainEntries(), 0);
        QVERIFY(!QFile::exists(databasePath()));
    }

    void cancelOnTheSummaryLeavesNothingBehind()
    {
        FakeGitHub github(QStringLiteral("/api/v3"));
        addBranches(github);
        AppBackend backend;
        OnboardingWizard wizard(backend);
        wizard.resize(880, 680);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        reachSourceControl(wizard);
        verifySourceControl(wizard, github, ScmToken);
        QTRY_VERIFY_WITH_TIMEOUT(outcome(wizard, QStringLiteral("scm")).startsWith(u"Valid"),
                                 NetworkTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled(),
            NetworkTimeoutMs);
        click(&wizard, QStringLiteral("nextButton"));
        for (int i = 0; i < 3; ++i)
            click(&wizard, QStringLiteral("setUpLaterButton"));
        QCOMPARE(wizard.currentId(), int(WizardController::SummaryPage));
        click(&wizard, QStringLiteral("cancelButton"));
        QCOMPARE(wizard.result(), int(QDialog::Rejected));
        // Whatever might still run in the background gets time to leave traces.
        QTest::qWait(1000);
        QVERIFY(!QFile::exists(databasePath()));
        QCOMPARE(keychainEntries(), 0);
        QVERIFY(QSettings().allKeys().isEmpty());
        QVERIFY(backend.needsOnboarding());
    }
};

QTEST_MAIN(TestWizardRealBackend)
#include "tst_wizard_realbackend.moc"
