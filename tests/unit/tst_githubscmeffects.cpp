#include "FakeGitHub.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/ProviderRegistry.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("fake-github-token-for-tests");

std::unique_ptr<ScmClient> clientFor(const FakeGitHub& github, const HttpClient& http)
{
    Connection connection;
    connection.category = ConnectionCategory::Scm;
    connection.provider = QStringLiteral("github");
    connection.config = github.config();
    auto client = ProviderRegistry::builtIn().createScm(connection, Token, http);
    if (!client)
        qFatal("could not create the GitHub client: %s", failureOf(client).constData());
    return std::move(client).value();
}

} // namespace

// A release's source-control effects against a GitHub that keeps state: each happens once,
// also when an answer is lost or another instance got there first.
class TestGitHubScmEffects : public QObject
{
    Q_OBJECT

private slots:
    // The tasks of a release in order: fork, tag, notes since the last release, compare,
    // the final release.
    void releaseFromTheRepositoryHistory()
    {
        FakeGitHub github;
        github.setToken(Token);
        github.pushCommit(QStringLiteral("main"), QStringLiteral("Initial commit"));
        github.pushCommit(QStringLiteral("main"), QStringLiteral("Add login screen"));
        const HttpClient http(fastSettings());
        auto client = clientFor(github, http);
        QVERIFY(client
                    ->createTag(QStringLiteral("v1.3.0"), QStringLiteral("main"),
                                QStringLiteral("1.3.0"))
                    .ok());
        github.pushCommit(QStringLiteral("main"), QStringLiteral("Fix crash on start\n\nDetails"),
                          QStringLiteral("grace"));
        const QString head =
            github.pushCommit(QStringLiteral("main"), QStringLiteral("Add dark mode"));

        auto branch = client->createBranch(QStringLiteral("release/1.4.0"), QStringLiteral("main"));
        QVERIFY2(branch.ok(), failureOf(branch).constData());
        QCOMPARE(branch->commitSha, head);
        auto rc = client->createTag(QStringLiteral("v1.4.0-rc.1"), QStringLiteral("release/1.4.0"),
                                    QStringLiteral("1.4.0 RC 1"));
        QVERIFY2(rc.ok(), failureOf(rc).constData());
        QCOMPARE(rc->commitSha, head);

        auto notes =
            client->generateReleaseNotes(QStringLiteral("v1.3.0"), QStringLiteral("v1.4.0-rc.1"));
        QVERIFY2(notes.ok(), failureOf(notes).constData());
        QVERIFY2(notes->contains(QStringLiteral("* Fix crash on start by @grace")),
                 qPrintable(*notes));
        QVERIFY2(notes->contains(QStringLiteral("* Add dark mode by @")), qPrintable(*notes));
        QVERIFY2(!notes->contains(QStringLiteral("Add login screen")), qPrintable(*notes));

        auto comparison =
            client->compare(QStringLiteral("v1.3.0"), QStringLiteral("release/1.4.0"));
        QVERIFY2(comparison.ok(), failureOf(comparison).constData());
        QCOMPARE(comparison->aheadBy, 2);
        QCOMPARE(comparison->behindBy, 0);
        QCOMPARE(comparison->commits.size(), 2);
        QCOMPARE(comparison->commits[0].title, QStringLiteral("Fix crash on start"));
        QCOMPARE(comparison->commits[0].author, QStringLiteral("grace"));
        QCOMPARE(comparison->commits[1].sha, head);

        auto release =
            client->createRelease(QStringLiteral("v1.4.0-rc.1"), QStringLiteral("1.4.0"), *notes);
        QVERIFY2(release.ok(), failureOf(release).constData());
        QCOMPARE(github.release(QStringLiteral("v1.4.0-rc.1")).value(QStringLiteral("body")),
                 *notes);

        QCOMPARE(github.branchesCreated(), 1);
        QCOMPARE(github.tagsCreated(), 2);
        QCOMPARE(github.tagsCreated(QStringLiteral("v1.4.0-rc.1")), 1);
        QCOMPARE(github.notesGenerated(), 1);
        QCOMPARE(github.releasesCreated(), 1);
    }

    // The branch was created but its answer came too late: the retry meets "already
    // exists" at the same commit, which is success, and the branch exists once.
    void lostAnswerOfACreatedBranch()
    {
        FakeGitHub github;
        const QString head = github.pushCommit(QStringLiteral("main"), QStringLiteral("Initial"));
        github.server().delayNext("POST", github.repoPath(QStringLiteral("/git/refs")), 2500);
        const HttpClient http(fastSettings());
        auto branch = clientFor(github, http)
                          ->createBranch(QStringLiteral("release/1.4.0"), QStringLiteral("main"));
        QVERIFY2(branch.ok(), failureOf(branch).constData());
        QCOMPARE(branch->commitSha, head);
        QCOMPARE(github.count("POST", QStringLiteral("/git/refs")), 2);
        QCOMPARE(github.branchesCreated(QStringLiteral("release/1.4.0")), 1);
    }

    // Another instance created the release between this one's look and its write: the
    // 422 already_exists is answered with that release, and there is one.
    void releaseCreatedMeanwhileIsReturned()
    {
        FakeGitHub github;
        github.pushCommit(QStringLiteral("main"), QStringLiteral("Initial"));
        const HttpClient http(fastSettings());
        auto other = clientFor(github, http)
                         ->createRelease(QStringLiteral("v2.0.0"), QStringLiteral("2.0.0"), {});
        QVERIFY2(other.ok(), failureOf(other).constData());
        // This instance's look happened before the other's write.
        github.failNext("GET", QStringLiteral("/releases/tags/v2.0.0"),
                        FakeResponse::json(404, R"({"message":"Not Found"})"));
        github.server().clearRequests();
        auto release = clientFor(github, http)
                           ->createRelease(QStringLiteral("v2.0.0"), QStringLiteral("2.0.0"), {});
        QVERIFY2(release.ok(), failureOf(release).constData());
        QCOMPARE(release->id, other->id);
        QCOMPARE(github.count("POST", QStringLiteral("/releases")), 1);
        QCOMPARE(github.count("GET", QStringLiteral("/releases/tags/v2.0.0")), 2);
        QCOMPARE(github.releasesCreated(), 1);
    }

    // A tag fixed at another commit is not taken over by a new RC.
    void tagElsewhereIsAConflict()
    {
        FakeGitHub github;
        const QString first = github.pushCommit(QStringLiteral("main"), QStringLiteral("One"));
        const HttpClient http(fastSettings());
        auto client = clientFor(github, http);
        QVERIFY(client->createTag(QStringLiteral("v1.0.0"), QStringLiteral("main"), {}).ok());
        const QString second = github.pushCommit(QStringLiteral("main"), QStringLiteral("Two"));
        auto moved = client->createTag(QStringLiteral("v1.0.0"), QStringLiteral("main"), {});
        QCOMPARE(moved.error().kind, ErrorKind::Conflict);
        QCOMPARE(moved.error().message,
                 QStringLiteral("The tag v1.0.0 already exists at %1, not at %2 (main).")
                     .arg(first.left(7), second.left(7)));
        QCOMPARE(github.tagsCreated(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGitHubScmEffects)
#include "tst_githubscmeffects.moc"
