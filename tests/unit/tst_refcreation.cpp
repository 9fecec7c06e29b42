#include "providers/ScmClient.h"

#include <QTest>

using namespace ReleaseDeck;

namespace {

// The routine every SCM client creates branches and tags with, made reachable for the test.
struct Scm : ScmClient
{
    using ScmClient::createUnlessSame;
    using ScmClient::RefCreation;
};

const QString Wanted = QStringLiteral("1111111111111111111111111111111111111111");
const QString Other = QStringLiteral("2222222222222222222222222222222222222222");

// A ref as the provider holds it, and what the routine asked of it.
struct FakeRefs
{
    QList<std::optional<QString>> looks; // each look's answer, in turn
    Status createAnswer;
    int lookCount = 0;
    int createCount = 0;

    Scm::RefCreation creation(bool mayExistNow = true)
    {
        return {QStringLiteral("branch"),
                QStringLiteral("release/1.4"),
                Wanted,
                QStringLiteral("main"),
                7,
                [this]() -> Result<std::optional<QString>> { return looks.value(lookCount++); },
                [this] {
                    ++createCount;
                    return createAnswer;
                },
                [mayExistNow](const Error&) {
                    return mayExistNow;
                }};
    }
};

} // namespace

// Look, create, look again: the same commit is success, another is a Conflict.
class TestRefCreation : public QObject
{
    Q_OBJECT

private slots:
    void absentIsCreatedOnce()
    {
        FakeRefs refs;
        refs.looks = {std::nullopt};
        QVERIFY(Scm::createUnlessSame(refs.creation()).ok());
        QCOMPARE(refs.createCount, 1);
        QCOMPARE(refs.lookCount, 1);
    }

    void existingAtTheSameCommitIsSuccessWithoutCreating()
    {
        FakeRefs refs;
        refs.looks = {Wanted};
        QVERIFY(Scm::createUnlessSame(refs.creation()).ok());
        QCOMPARE(refs.createCount, 0);
    }

    void existingElsewhereIsAConflictNamingBothCommits()
    {
        FakeRefs refs;
        refs.looks = {Other};
        const Status status = Scm::createUnlessSame(refs.creation());
        QCOMPARE(status.error().kind, ErrorKind::Conflict);
        QCOMPARE(status.error().message,
                 QStringLiteral("The branch release/1.4 already exists at 2222222, not at 1111111 "
                                "(main)."));
        QCOMPARE(refs.createCount, 0);
    }

    void aRaceIsJudgedByWhatExistsAfterwards()
    {
        FakeRefs refs;
        refs.looks = {std::nullopt, Wanted};
        refs.createAnswer = Error::conflict(QStringLiteral("Reference already exists"));
        QVERIFY(Scm::createUnlessSame(refs.creation()).ok());
        QCOMPARE(refs.lookCount, 2);

        FakeRefs lost;
        lost.looks = {std::nullopt, Other};
        lost.createAnswer = Error::conflict(QStringLiteral("Reference already exists"));
        QCOMPARE(Scm::createUnlessSame(lost.creation()).error().kind, ErrorKind::Conflict);
    }

    void aRefusalThatIsNoRaceIsReturnedAsItIs()
    {
        FakeRefs refs;
        refs.looks = {std::nullopt};
        refs.createAnswer = Error::forbidden(QStringLiteral("Protected branch"));
        const Status status = Scm::createUnlessSame(refs.creation(false));
        QCOMPARE(status.error().message, QStringLiteral("Protected branch"));
        QCOMPARE(refs.lookCount, 1);

        // Still absent after a refusal that looked like a race: the refusal stands.
        FakeRefs vanished;
        vanished.looks = {std::nullopt, std::nullopt};
        vanished.createAnswer = Error::conflict(QStringLiteral("Reference already exists"));
        QCOMPARE(Scm::createUnlessSame(vanished.creation()).error().message,
                 QStringLiteral("Reference already exists"));
    }
};

QTEST_GUILESS_MAIN(TestRefCreation)
#include "tst_refcreation.moc"
