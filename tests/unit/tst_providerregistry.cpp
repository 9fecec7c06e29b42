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
        QCOMPARE(github->requiredKeys,
                 (QStringList{QStringLiteral("owner"), QStringLiteral("repo")}));
        const ProviderInfo* enterprise = registry.find(QStringLiteral("github-enterprise"));
        QVERIFY(enterprise->requiredKeys.contains(QStringLiteral("apiUrl")));
        const ProviderInfo* actions = registry.find(QStringLiteral("github-actions"));
        QCOMPARE(actions->category, ConnectionCategory::Ci);
        QVERIFY(actions->requiredKeys.contains(QStringLiteral("workflows")));
        QVERIFY(!registry.find(QStringLiteral("gitbucket")));
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
            << QStringLiteral("The repository \"my app\" contains spaces; use the name as it "
                              "appears in the URL.");
        QTest::newRow("owner missing")
            << QStringLiteral("github") << githubConfig(QString(), QStringLiteral("app"))
            << QStringLiteral("The owner is missing.");
        QTest::newRow("malformed api url")
            << QStringLiteral("github")
            << githubConfig(QStringLiteral("octo"), QStringLiteral("app"),
                            QStringLiteral("ht!tp:/x"))
            << QStringLiteral("The API URL \"ht!tp:/x\" is not a valid URL; use e.g. "
                              "https://host/path.");
        QTest::newRow("plain http to a remote host")
            << QStringLiteral("github-enterprise")
            << githubConfig(QStringLiteral("octo"), QStringLiteral("app"),
                            QStringLiteral("http://ghe.example.test/api/v3"))
            << QStringLiteral("The API URL must use https:// (plain http:// is only allowed for "
                              "this machine).");
        QTest::newRow("enterprise needs a url")
            << QStringLiteral("github-enterprise")
            << githubConfig(QStringLiteral("octo"), QStringLiteral("app"))
            << QStringLiteral("The API URL is missing.");
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
