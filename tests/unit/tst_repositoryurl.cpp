#include "wizard/RepositoryUrl.h"

#include <QTest>

using namespace ReleaseDeck;

class TestRepositoryUrl : public QObject
{
    Q_OBJECT

private slots:
    void parsesEachProvidersAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("preferred");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("repo");
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("apiUrl");

        QTest::newRow("github https")
            << QStringLiteral("https://github.com/acme/app") << QStringLiteral("github")
            << QStringLiteral("github") << QStringLiteral("acme") << QStringLiteral("app")
            << QString() << QString();
        QTest::newRow("github browser view")
            << QStringLiteral("https://github.com/acme/app/tree/main/src")
            << QStringLiteral("github") << QStringLiteral("github") << QStringLiteral("acme")
            << QStringLiteral("app") << QString() << QString();
        QTest::newRow("github ssh")
            << QStringLiteral("git@github.com:acme/app.git") << QStringLiteral("github")
            << QStringLiteral("github") << QStringLiteral("acme") << QStringLiteral("app")
            << QString() << QString();
        QTest::newRow("enterprise .git")
            << QStringLiteral("https://ghe.acme.com/acme/app.git") << QStringLiteral("github")
            << QStringLiteral("github-enterprise") << QStringLiteral("acme")
            << QStringLiteral("app") << QString() << QStringLiteral("https://ghe.acme.com/api/v3");
        QTest::newRow("enterprise trailing slash")
            << QStringLiteral("  https://ghe.acme.com/acme/app/ ")
            << QStringLiteral("github-enterprise") << QStringLiteral("github-enterprise")
            << QStringLiteral("acme") << QStringLiteral("app") << QString()
            << QStringLiteral("https://ghe.acme.com/api/v3");
        QTest::newRow("gitlab self-managed subgroups")
            << QStringLiteral("https://gitlab.acme.com/group/sub/app") << QStringLiteral("github")
            << QStringLiteral("gitlab") << QStringLiteral("group/sub") << QStringLiteral("app")
            << QStringLiteral("group/sub/app") << QStringLiteral("https://gitlab.acme.com/api/v4");
        QTest::newRow("gitlab.com browser view")
            << QStringLiteral("https://gitlab.com/group/app/-/merge_requests")
            << QStringLiteral("gitlab") << QStringLiteral("gitlab") << QStringLiteral("group")
            << QStringLiteral("app") << QStringLiteral("group/app") << QString();
        QTest::newRow("unknown host as gitlab")
            << QStringLiteral("https://code.acme.com/team/app.git") << QStringLiteral("gitlab")
            << QStringLiteral("gitlab") << QStringLiteral("team") << QStringLiteral("app")
            << QStringLiteral("team/app") << QStringLiteral("https://code.acme.com/api/v4");
        QTest::newRow("bitbucket")
            << QStringLiteral("https://bitbucket.org/ws/repo") << QStringLiteral("github")
            << QStringLiteral("bitbucket") << QStringLiteral("ws") << QStringLiteral("repo")
            << QString() << QString();
    }

    void parsesEachProvidersAddress()
    {
        QFETCH(QString, text);
        QFETCH(QString, preferred);
        const Result<RepositoryUrl> url = RepositoryUrl::parse(text, preferred);
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().message));
        QTEST(url->provider, "provider");
        QTEST(url->owner, "owner");
        QTEST(url->repo, "repo");
        QTEST(url->project, "project");
        QTEST(url->apiUrl, "apiUrl");
    }

    void refusesWhatIsNotARepository_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const QString notRepo = QStringLiteral("not a repository");
        QTest::newRow("empty") << QString() << notRepo;
        QTest::newRow("words") << QStringLiteral("acme app") << notRepo;
        QTest::newRow("owner only") << QStringLiteral("https://github.com/acme") << notRepo;
        QTest::newRow("ftp") << QStringLiteral("ftp://github.com/acme/app") << notRepo;
        QTest::newRow("space in owner")
            << QStringLiteral("https://github.com/ac me/app") << notRepo;
        QTest::newRow("plain http") << QStringLiteral("http://ghe.acme.com/acme/app")
                                    << QStringLiteral("only allowed for this computer");
    }

    void refusesWhatIsNotARepository()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Result<RepositoryUrl> url = RepositoryUrl::parse(text, QStringLiteral("github"));
        QVERIFY(!url.ok());
        QVERIFY2(url.error().message.contains(message), qPrintable(url.error().message));
    }

    void allowsHttpOnThisComputer()
    {
        const Result<RepositoryUrl> url = RepositoryUrl::parse(
            QStringLiteral("http://127.0.0.1:8080/acme/app"), QStringLiteral("github-enterprise"));
        QVERIFY(url.ok());
        QCOMPARE(url->provider, QStringLiteral("github-enterprise"));
        QCOMPARE(url->apiUrl, QStringLiteral("http://127.0.0.1:8080/api/v3"));
        // All of 127.0.0.0/8 is this computer: core's one rule.
        const Result<RepositoryUrl> second = RepositoryUrl::parse(
            QStringLiteral("http://127.0.0.2:8080/acme/app"), QStringLiteral("github-enterprise"));
        QVERIFY2(second.ok(), second ? "" : qPrintable(second.error().message));
        QCOMPARE(second->apiUrl, QStringLiteral("http://127.0.0.2:8080/api/v3"));
    }
};

QTEST_GUILESS_MAIN(TestRepositoryUrl)
#include "tst_repositoryurl.moc"
