#include "providers/ProviderRegistry.h"
#include "wizard/ConnectionRules.h"

#include <QJsonObject>
#include <QTest>

using namespace ReleaseDeck;

// How form fields become a connection's config and back, and the checks as typed.
class TestConnectionRules : public QObject
{
    Q_OBJECT

private slots:
    void jiraFieldsBecomeNestedConfigAndBack()
    {
        const QHash<QString, QString> fields = {
            {QStringLiteral("siteUrl"), QStringLiteral("https://acme.atlassian.net")},
            {QStringLiteral("email"), QStringLiteral("ana@example.com")},
            {QStringLiteral("projectKey.ANDROID"), QStringLiteral("AND")},
            {QStringLiteral("readyState.ANDROID"), QStringLiteral(" Ready for Release ")}};
        const QJsonObject config = ConnectionRules::config(QStringLiteral("jira-cloud"), fields);
        QCOMPARE(config.value(u"siteUrl").toString(), QStringLiteral("https://acme.atlassian.net"));
        QCOMPARE(config.value(u"projectKeys").toObject(),
                 QJsonObject({{QStringLiteral("ANDROID"), QStringLiteral("AND")}}));
        QCOMPARE(config.value(u"readyStates").toObject().value(u"ANDROID").toString(),
                 QStringLiteral("Ready for Release"));
        const QHash<QString, QString> back =
            ConnectionRules::fields(QStringLiteral("jira-cloud"), config);
        QCOMPARE(back.value(QStringLiteral("projectKey.ANDROID")), QStringLiteral("AND"));
        QCOMPARE(back.value(QStringLiteral("readyState.ANDROID")),
                 QStringLiteral("Ready for Release"));
        QCOMPARE(ConnectionRules::displayName(QStringLiteral("jira-cloud"), fields),
                 QStringLiteral("Jira AND"));
    }

    void jenkinsJobsAndActionsWorkflowsKeepTheirPurpose()
    {
        const QHash<QString, QString> jobs = {
            {QStringLiteral("job.TESTFLIGHT"), QStringLiteral("app/ios")}};
        const QJsonObject jenkins = ConnectionRules::config(QStringLiteral("jenkins"), jobs);
        QCOMPARE(jenkins.value(u"jobs").toObject().value(u"TESTFLIGHT").toString(),
                 QStringLiteral("app/ios"));
        QCOMPARE(ConnectionRules::fields(QStringLiteral("jenkins"), jenkins), jobs);

        const QHash<QString, QString> workflows = {
            {QStringLiteral("owner"), QStringLiteral("acme")},
            {QStringLiteral("workflow.AUTOMATION"), QStringLiteral("e2e.yml")}};
        const QJsonObject actions =
            ConnectionRules::config(QStringLiteral("github-actions"), workflows);
        QCOMPARE(actions.value(u"workflows").toObject().value(u"AUTOMATION").toString(),
                 QStringLiteral("e2e.yml"));
        QCOMPARE(ConnectionRules::fields(QStringLiteral("github-actions"), actions), workflows);
    }

    void eachProviderNamesWhatIsMissing()
    {
        const auto errors = ConnectionRules::check(QStringLiteral("bitbucket"), {}, {});
        QCOMPARE(errors.value(QStringLiteral("workspace")), QStringLiteral("Enter the workspace."));
        QCOMPARE(errors.value(QStringLiteral("repo")), QStringLiteral("Enter the repository."));
        QCOMPARE(errors.value(QStringLiteral("token")), QStringLiteral("Paste the token."));
        QVERIFY(ConnectionRules::check(QStringLiteral("gitlab"),
                                       {{QStringLiteral("project"), QStringLiteral("group/app")}},
                                       QStringLiteral("fake-token"))
                    .isEmpty());
        QCOMPARE(ConnectionRules::check(QStringLiteral("github-enterprise"),
                                        {{QStringLiteral("owner"), QStringLiteral("acme")},
                                         {QStringLiteral("repo"), QStringLiteral("app")}},
                                        QStringLiteral("fake-token"))
                     .value(QStringLiteral("apiUrl")),
                 QStringLiteral("Enter the API address."));
    }

    // The wizard checks addresses with core's one rule: all of 127.0.0.0/8 is this computer.
    void addressesAreCheckedWithCoresRule_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("message");
        QTest::newRow("fine") << QStringLiteral("https://acme.atlassian.net") << QString();
        QTest::newRow("local http") << QStringLiteral("http://127.0.0.1:8080") << QString();
        QTest::newRow("127.0.0.2 is local too")
            << QStringLiteral("http://127.0.0.2:8080") << QString();
        QTest::newRow("remote http")
            << QStringLiteral("http://acme.atlassian.net")
            << QStringLiteral("Use https:// for the Jira site address; plain http:// is only "
                              "allowed for this computer.");
        QTest::newRow("no scheme")
            << QStringLiteral("acme.atlassian.net")
            << QStringLiteral("Enter the Jira site address as a URL starting with https://, e.g. "
                              "https://example.com.");
    }

    void addressesAreCheckedWithCoresRule()
    {
        QFETCH(QString, url);
        QFETCH(QString, message);
        const QHash<QString, QString> fields{
            {QStringLiteral("siteUrl"), url},
            {QStringLiteral("projectKey.ANDROID"), QStringLiteral("AND")}};
        const auto errors = ConnectionRules::check(QStringLiteral("jira-server"), fields,
                                                   QStringLiteral("fake-token"));
        QCOMPARE(errors.value(QStringLiteral("siteUrl")), message);
    }

    // A purpose the registry does not know is refused under its field, naming the known ones.
    void anUnknownPurposeIsRefused()
    {
        const QHash<QString, QString> fields{
            {QStringLiteral("url"), QStringLiteral("https://ci.example.com")},
            {QStringLiteral("user"), QStringLiteral("ada")},
            {QStringLiteral("job.FOO"), QStringLiteral("app/foo")}};
        const auto errors =
            ConnectionRules::check(QStringLiteral("jenkins"), fields, QStringLiteral("fake-token"));
        QCOMPARE(errors.value(QStringLiteral("job.FOO")),
                 QStringLiteral("Unknown purpose \"FOO\" for the job; use PRE_REGRESSION_BUILD, "
                                "REGRESSION_BUILD, AUTOMATION, TESTFLIGHT or ANDROID_BUNDLE."));
    }

    // The provider list is the registry's, names included.
    void providersComeFromTheRegistry()
    {
        QStringList ids;
        for (ConnectionCategory category : {ConnectionCategory::Scm, ConnectionCategory::Chat,
                                            ConnectionCategory::Issues, ConnectionCategory::Ci}) {
            for (const auto& provider : ConnectionRules::providers(category)) {
                ids << provider.id;
                QCOMPARE(provider.name, ProviderRegistry::builtIn().find(provider.id)->displayName);
            }
        }
        // Every provider but the sandbox's simulated ones, which come with the sandbox only.
        QStringList offered = ProviderRegistry::builtIn().providerIds();
        offered.removeIf(
            [](const QString& id) { return ProviderRegistry::builtIn().isSimulated(id); });
        QCOMPARE(ids, offered);
    }
};

QTEST_GUILESS_MAIN(TestConnectionRules)
#include "tst_connectionrules.moc"
