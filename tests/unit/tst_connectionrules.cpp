#include "wizard/ConnectionRules.h"
#include "wizard/FieldRules.h"

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

    void urlsAreCheckedAsTyped_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("message");
        QTest::newRow("fine") << QStringLiteral("https://acme.atlassian.net") << QString();
        QTest::newRow("local http") << QStringLiteral("http://127.0.0.1:8080") << QString();
        QTest::newRow("remote http")
            << QStringLiteral("http://acme.atlassian.net")
            << QStringLiteral("Use https:// — http:// is only allowed for this computer.");
        QTest::newRow("no scheme")
            << QStringLiteral("acme.atlassian.net")
            << QStringLiteral(
                   "Enter the site address starting with https://, e.g. https://example.com.");
        QTest::newRow("space") << QStringLiteral("https://acme atlassian.net")
                               << QStringLiteral("The site address cannot contain spaces.");
        QTest::newRow("too long") << QStringLiteral("https://a.com/") + QString(2100, u'x')
                                  << QStringLiteral(
                                         "Shorten the site address to at most 2048 characters.");
    }

    void urlsAreCheckedAsTyped()
    {
        QFETCH(QString, url);
        QFETCH(QString, message);
        QCOMPARE(FieldRules::url(url, QStringLiteral("the site address")), message);
    }
};

QTEST_GUILESS_MAIN(TestConnectionRules)
#include "tst_connectionrules.moc"
