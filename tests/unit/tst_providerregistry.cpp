#include "FakeGitHub.h"
#include "ResultText.h"
#include "providers/ProviderRegistry.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

QJsonObject githubConfig(const QString& owner, const QString& repo, const QString& apiUrl = {})
{
    QJsonObject config{{QStringLiteral("owner"), owner}, {QStringLiteral("repo"), repo}};
    if (!apiUrl.isEmpty())
        config.insert(QStringLiteral("apiUrl"), apiUrl);
    return config;
}

} // namespace

class TestProviderRegistry : public QObject
{
    Q_OBJECT

private slots:
    void knowsTheGitHubProviders()
    {
        const ProviderRegistry& registry = ProviderRegistry::builtIn();
        QVERIFY(registry.providerIds().contains(QStringLiteral("github")));
        QVERIFY(registry.providerIds().contains(QStringLiteral("github-enterprise")));
        QVERIFY(registry.providerIds().contains(QStringLiteral("github-actions")));
        QVERIFY(registry.providerIds(ConnectionCategory::Scm).contains(QStringLiteral("github")));
        QVERIFY(!registry.providerIds(ConnectionCategory::Scm)
                     .contains(QStringLiteral("github-actions")));

        const ProviderInfo* github = registry.find(QStringLiteral("github"));
        QVERIFY(github);
        QCOMPARE(github->category, ConnectionCategory::Scm);
        QCOMPARE(github->displayName, QStringLiteral("GitHub"));
        QCOMPARE(github->field(QStringLiteral("owner"))->need, FieldNeed::Required);
        QCOMPARE(github->field(QStringLiteral("apiUrl"))->need, FieldNeed::Optional);
        const ProviderInfo* enterprise = registry.find(QStringLiteral("github-enterprise"));
        QCOMPARE(enterprise->field(QStringLiteral("apiUrl"))->need, FieldNeed::Required);
        const ProviderInfo* actions = registry.find(QStringLiteral("github-actions"));
        QCOMPARE(actions->category, ConnectionCategory::Ci);
        QCOMPARE(actions->field(QStringLiteral("workflows"))->shape, FieldShape::PerPurpose);
        QCOMPARE(actions->choiceList(), FieldChoices::Workflows);
        QVERIFY(!registry.find(QStringLiteral("gitbucket")));
    }

    // What people type for a provider: each id, and a family whose config picks the member.
    void namesAndFamilies()
    {
        const ProviderRegistry& registry = ProviderRegistry::builtIn();
        QCOMPARE(registry.names(),
                 (QStringList{QStringLiteral("github"), QStringLiteral("github-enterprise"),
                              QStringLiteral("gitlab"), QStringLiteral("bitbucket"),
                              QStringLiteral("slack"), QStringLiteral("jira"),
                              QStringLiteral("jira-cloud"), QStringLiteral("jira-server"),
                              QStringLiteral("github-actions"), QStringLiteral("jenkins")}));
        QCOMPARE(registry.providersNamed(QStringLiteral("jira")).size(), 2);
        QVERIFY(registry.providersNamed(QStringLiteral("gitbucket")).isEmpty());
        const auto idFor = [&registry](const QString& name, const QJsonObject& config) {
            return registry.providerFor(name, config)->id;
        };
        QCOMPARE(
            idFor(QStringLiteral("github"), githubConfig(QStringLiteral("o"), QStringLiteral("r"))),
            QStringLiteral("github"));
        QCOMPARE(
            idFor(QStringLiteral("github"), githubConfig(QStringLiteral("o"), QStringLiteral("r"),
                                                         QStringLiteral("https://api.github.com"))),
            QStringLiteral("github"));
        QCOMPARE(idFor(QStringLiteral("github"),
                       githubConfig(QStringLiteral("o"), QStringLiteral("r"),
                                    QStringLiteral("https://ghe.example.test/api/v3"))),
                 QStringLiteral("github-enterprise"));
        QCOMPARE(idFor(QStringLiteral("jira"),
                       {{QStringLiteral("email"), QStringLiteral("ana@example.com")}}),
                 QStringLiteral("jira-cloud"));
        QCOMPARE(idFor(QStringLiteral("jira"), {}), QStringLiteral("jira-server"));
        QCOMPARE(idFor(QStringLiteral("jira-cloud"), {}), QStringLiteral("jira-cloud"));
    }

    // A draft may lack what is picked once the token works; what is saved may not.
    void draftsMayWaitForWhatIsPicked()
    {
        const ProviderRegistry& registry = ProviderRegistry::builtIn();
        const QJsonObject slack{
            {QStringLiteral("apiUrl"), QStringLiteral("http://127.0.0.2:9/api")}};
        QVERIFY(registry.validateDraft(QStringLiteral("slack"), slack).ok());
        QCOMPARE(registry.validateConfig(QStringLiteral("slack"), slack).error().message,
                 QStringLiteral("Pick the Slack channel."));
        const QJsonObject jenkins{{QStringLiteral("url"), QStringLiteral("https://ci.example.com")},
                                  {QStringLiteral("user"), QStringLiteral("ada")}};
        QVERIFY(registry.validateDraft(QStringLiteral("jenkins"), jenkins).ok());
        QCOMPARE(registry.validateConfig(QStringLiteral("jenkins"), jenkins).error().message,
                 QStringLiteral("Enter the job of at least one purpose."));
    }

    // The workflow or job a CI connection runs for a purpose comes from its provider's
    // per-purpose field; an SCM provider and an unknown one have none.
    void ciWorkflowReadsTheProvidersPurposeField()
    {
        const ProviderRegistry& registry = ProviderRegistry::builtIn();
        QCOMPARE(registry.find(QStringLiteral("github-actions"))->purposeField()->key,
                 QStringLiteral("workflows"));
        QCOMPARE(registry.find(QStringLiteral("jenkins"))->purposeField()->key,
                 QStringLiteral("jobs"));
        QVERIFY(!registry.find(QStringLiteral("github"))->purposeField());

        Connection ci;
        ci.category = ConnectionCategory::Ci;
        ci.provider = QStringLiteral("jenkins");
        ci.config = {{QStringLiteral("jobs"),
                      QJsonObject{{QStringLiteral("TESTFLIGHT"), QStringLiteral(" ios/release ")}}},
                     {QStringLiteral("workflows"),
                      QJsonObject{{QStringLiteral("AUTOMATION"), QStringLiteral("e2e.yml")}}}};
        QCOMPARE(registry.ciWorkflow(ci, CiPurpose::TestFlight), QStringLiteral("ios/release"));
        QVERIFY(registry.ciWorkflow(ci, CiPurpose::Automation).isEmpty());
        ci.provider = QStringLiteral("github");
        QVERIFY(registry.ciWorkflow(ci, CiPurpose::TestFlight).isEmpty());
        ci.provider = QStringLiteral("teamcity");
        QVERIFY(registry.ciWorkflow(ci, CiPurpose::TestFlight).isEmpty());
    }

    void validateConfig_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("github ok")
            << QStringLiteral("github")
            << githubConfig(QStringLiteral("octo"), QStringLiteral("app")) << QString();
        QTest::newRow("repo with spaces")
            << QStringLiteral("github")
            << githubConfig(QStringLiteral("octo"), QStringLiteral("my app"))
            << QStringLiteral("The repository contains spaces; use the name as it appears in the "
                              "URL.");
        QTest::newRow("owner missing")
            << QStringLiteral("github") << githubConfig(QString(), QStringLiteral("app"))
            << QStringLiteral("Enter the owner.");
        QTest::newRow("malformed api url")
            << QStringLiteral("github")
            << githubConfig(QStringLiteral("octo"), QStringLiteral("app"),
                            QStringLiteral("ht!tp:/x"))
            << QStringLiteral("Enter the API address as a URL starting with https://, e.g. "
                              "https://example.com.");
        QTest::newRow("plain http to a remote host")
            << QStringLiteral("github-enterprise")
            << githubConfig(QStringLiteral("octo"), QStringLiteral("app"),
                            QStringLiteral("http://ghe.example.test/api/v3"))
            << QStringLiteral("Use https:// for the API address; plain http:// is only allowed "
                              "for this computer.");
        QTest::newRow("enterprise needs a url")
            << QStringLiteral("github-enterprise")
            << githubConfig(QStringLiteral("octo"), QStringLiteral("app"))
            << QStringLiteral("Enter the API address.");
        QTest::newRow("plain http to 127.0.0.2")
            << QStringLiteral("github-enterprise")
            << githubConfig(QStringLiteral("octo"), QStringLiteral("app"),
                            QStringLiteral("http://127.0.0.2:8080/api/v3"))
            << QString();
        QTest::newRow("unknown purpose")
            << QStringLiteral("github-actions")
            << QJsonObject{{QStringLiteral("owner"), QStringLiteral("octo")},
                           {QStringLiteral("repo"), QStringLiteral("app")},
                           {QStringLiteral("workflows"),
                            QJsonObject{{QStringLiteral("FOO"), QStringLiteral("x.yml")}}}}
            << QStringLiteral("Unknown purpose \"FOO\" for the workflow; use PRE_REGRESSION_BUILD, "
                              "REGRESSION_BUILD, AUTOMATION, TESTFLIGHT or ANDROID_BUNDLE.");
        QTest::newRow("unknown provider")
            << QStringLiteral("gitbucket") << QJsonObject()
            << QStringLiteral("Unknown provider \"gitbucket\"; known providers: %1.")
                   .arg(ProviderRegistry::builtIn().providerIds().join(QStringLiteral(", ")));
    }

    void validateConfig()
    {
        QFETCH(QString, provider);
        QFETCH(QJsonObject, config);
        QFETCH(QString, error);
        const Status status = ProviderRegistry::builtIn().validateConfig(provider, config);
        QCOMPARE(status.ok(), error.isEmpty());
        if (!error.isEmpty()) {
            QCOMPARE(status.error().kind, ErrorKind::Usage);
            QCOMPARE(status.error().message, error);
        }
    }

    void factoriesCheckCategoryConfigAndToken()
    {
        FakeGitHub github;
        const HttpClient http;
        Connection connection;
        connection.category = ConnectionCategory::Scm;
        connection.provider = QStringLiteral("github");
        connection.config = github.config();

        auto scm =
            ProviderRegistry::builtIn().createScm(connection, QStringLiteral("fake-tok-123"), http);
        QVERIFY2(scm.ok(), failureOf(scm).constData());
        auto asCi =
            ProviderRegistry::builtIn().createCi(connection, QStringLiteral("fake-tok-123"), http);
        QVERIFY(!asCi.ok());
        QCOMPARE(asCi.error().message, QStringLiteral("GitHub is a %1 provider, not %2.")
                                           .arg(displayName(ConnectionCategory::Scm),
                                                displayName(ConnectionCategory::Ci)));
        auto noToken =
            ProviderRegistry::builtIn().createScm(connection, QStringLiteral("  "), http);
        QCOMPARE(noToken.error().message, QStringLiteral("The GitHub connection has no token."));
        connection.config.insert(QStringLiteral("repo"), QStringLiteral("bad repo"));
        auto badConfig =
            ProviderRegistry::builtIn().createScm(connection, QStringLiteral("fake-tok-123"), http);
        QCOMPARE(badConfig.error().kind, ErrorKind::Usage);
        QVERIFY(github.server().requests().isEmpty());
    }

    void verifyDispatchesOnTheCategory()
    {
        FakeGitHub github;
        const HttpClient http;
        Connection connection;
        connection.category = ConnectionCategory::Scm;
        connection.provider = QStringLiteral("github");
        connection.config = github.config();
        auto report =
            ProviderRegistry::builtIn().verify(connection, QStringLiteral("fake-tok-123"), http);
        QVERIFY2(report.ok(), failureOf(report).constData());
        QCOMPARE(github.count("GET", QString()), 1);
    }
};

QTEST_GUILESS_MAIN(TestProviderRegistry)
#include "tst_providerregistry.moc"
