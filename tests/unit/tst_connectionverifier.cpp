#include "FakeGitHub.h"
#include "ResultText.h"
#include "providers/ConnectionVerifier.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("fake-verifier-token-for-tests");
const QDateTime Earlier(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);

HttpSettings testSettings()
{
    HttpSettings settings;
    settings.totalTimeoutMs = 1500;
    settings.connectTimeoutMs = 1500;
    settings.initialBackoffMs = 10;
    settings.maxBackoffMs = 20;
    settings.maxAttempts = 2;
    settings.maxRateLimitWaitMs = 1000;
    return settings;
}

// A connection verified once before, so "unchanged" is visible.
Connection previouslyValid(const QString& provider, const QJsonObject& config)
{
    Connection connection;
    connection.id = 42;
    connection.provider = provider;
    connection.category = provider == QLatin1String("github-actions") ? ConnectionCategory::Ci
                                                                      : ConnectionCategory::Scm;
    connection.config = config;
    connection.status = VerificationStatus::Valid;
    connection.lastVerifiedAt = Earlier;
    connection.verificationError = QStringLiteral("an old error");
    return connection;
}

QJsonObject actionsConfig(const FakeGitHub& github)
{
    QJsonObject config = github.config();
    config.insert(QStringLiteral("workflows"),
                  QJsonObject{{QStringLiteral("REGRESSION_BUILD"), QStringLiteral("build.yml")}});
    return config;
}

enum class Fault
{
    None,
    Refused401,
    ExpiredHeader,
    NoPush,
    BadGateway,
    Slow,
    RateLimited,
};

void applyFault(FakeGitHub& github, Fault fault, const QString& path)
{
    switch (fault) {
    case Fault::None:
        break;
    case Fault::Refused401:
        github.server().on("GET", path,
                           FakeResponse::json(401, "{\"message\":\"Bad credentials\"}"));
        break;
    case Fault::ExpiredHeader:
        github.setTokenExpiration("2021-01-01 00:00:00 UTC");
        break;
    case Fault::NoPush:
        github.setPushPermission(false);
        break;
    case Fault::BadGateway:
        github.server().on("GET", path, FakeResponse::htmlPage(502));
        break;
    case Fault::Slow:
        github.server().on("GET", path, FakeResponse::json(200, "{}").withDelay(4000));
        break;
    case Fault::RateLimited: {
        FakeResponse limited = FakeResponse::json(403, "{\"message\":\"API rate limit exceeded\"}");
        limited.withHeader("x-ratelimit-remaining", "0")
            .withHeader("x-ratelimit-reset",
                        QByteArray::number(QDateTime::currentSecsSinceEpoch() + 1800));
        github.server().on("GET", path, limited);
        break;
    }
    }
}

} // namespace

class TestConnectionVerifier : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("fault");
        QTest::addColumn<VerificationStatus>("status");
        QTest::addColumn<bool>("verifiedNow");
        QTest::addColumn<QString>("error"); // a prefix of the expected error; empty: cleared
        const QString gh = QStringLiteral("github");
        const QString actions = QStringLiteral("github-actions");
        for (const QString& provider : {gh, actions}) {
            const QByteArray name = provider.toUtf8();
            QTest::newRow(QByteArray(name + " works").constData())
                << provider << int(Fault::None) << VerificationStatus::Valid << true << QString();
            QTest::newRow(QByteArray(name + " 401").constData())
                << provider << int(Fault::Refused401) << VerificationStatus::Invalid << false
                << QStringLiteral("GitHub refused the credentials: Bad credentials.");
            QTest::newRow(QByteArray(name + " expired").constData())
                << provider << int(Fault::ExpiredHeader) << VerificationStatus::Expired << false
                << QStringLiteral("GitHub says the token expired on 2021-01-01 00:00 UTC");
            QTest::newRow(QByteArray(name + " 502").constData())
                << provider << int(Fault::BadGateway) << VerificationStatus::Valid << false
                << QStringLiteral("GitHub failed: HTTP 502 from 127.0.0.1.");
            QTest::newRow(QByteArray(name + " timeout").constData())
                << provider << int(Fault::Slow) << VerificationStatus::Valid << false
                << QStringLiteral("GitHub did not answer within 1.5 s.");
            QTest::newRow(QByteArray(name + " rate limited").constData())
                << provider << int(Fault::RateLimited) << VerificationStatus::Valid << false
                << QStringLiteral("GitHub rate limit reached; resets at ");
        }
        QTest::newRow("github without push")
            << gh << int(Fault::NoPush) << VerificationStatus::Invalid << false
            << QStringLiteral("The token can read octo/app on GitHub but cannot push to it");
    }

    void rules()
    {
        QFETCH(QString, provider);
        QFETCH(int, fault);
        QFETCH(VerificationStatus, status);
        QFETCH(bool, verifiedNow);
        QFETCH(QString, error);
        FakeGitHub github;
        const bool isActions = provider == QLatin1String("github-actions");
        if (isActions)
            github.actions().addWorkflow(1, QStringLiteral("Build"),
                                         QStringLiteral(".github/workflows/build.yml"));
        applyFault(github, Fault(fault),
                   isActions ? github.repoPath(QStringLiteral("/actions/workflows"))
                             : github.repoPath());
        const Connection connection =
            previouslyValid(provider, isActions ? actionsConfig(github) : github.config());

        const ConnectionVerifier verifier(ProviderRegistry::builtIn(), testSettings());
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const VerificationOutcome outcome = verifier.verify(connection, Token);

        QCOMPARE(outcome.connectionId, qint64(42));
        QCOMPARE(outcome.status, status);
        if (verifiedNow) {
            QVERIFY(outcome.lastVerifiedAt >= before);
            QVERIFY(outcome.error.isEmpty());
            QVERIFY(outcome.conclusive);
            QVERIFY(!outcome.summary.isEmpty());
        } else {
            // A verdict on the credentials is a verification; a failure to ask is not.
            if (outcome.conclusive)
                QVERIFY(outcome.lastVerifiedAt >= before);
            else
                QCOMPARE(outcome.lastVerifiedAt, Earlier);
            QVERIFY2(outcome.error.startsWith(error), qPrintable(outcome.error));
            QVERIFY(!outcome.error.contains(Token));
        }
        QVERIFY(!github.server().requests().isEmpty());
    }

    void unreachableLeavesTheStatus()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        Connection connection = previouslyValid(
            QStringLiteral("github"),
            {{QStringLiteral("owner"), QStringLiteral("octo")},
             {QStringLiteral("repo"), QStringLiteral("app")},
             {QStringLiteral("apiUrl"), QStringLiteral("http://127.0.0.1:%1").arg(closedPort)}});
        connection.status = VerificationStatus::Expired;
        const ConnectionVerifier verifier(ProviderRegistry::builtIn(), testSettings());
        const VerificationOutcome outcome = verifier.verify(connection, Token);
        QCOMPARE(outcome.status, VerificationStatus::Expired);
        QCOMPARE(outcome.lastVerifiedAt, Earlier);
        QVERIFY(!outcome.conclusive);
        QCOMPARE(outcome.error,
                 QStringLiteral("Could not reach 127.0.0.1: the connection was refused."));
    }

    void missingTokenOrUnknownProviderIsInvalid()
    {
        FakeGitHub github;
        const ConnectionVerifier verifier(ProviderRegistry::builtIn(), testSettings());
        const VerificationOutcome noToken =
            verifier.verify(previouslyValid(QStringLiteral("github"), github.config()), QString());
        QCOMPARE(noToken.status, VerificationStatus::Invalid);
        QCOMPARE(noToken.error, QStringLiteral("The GitHub connection has no token."));
        QVERIFY(github.server().requests().isEmpty());

        const VerificationOutcome unknown =
            verifier.verify(previouslyValid(QStringLiteral("gitbucket"), github.config()), Token);
        QCOMPARE(unknown.status, VerificationStatus::Invalid);
        QVERIFY(unknown.error.startsWith(QStringLiteral("Unknown provider \"gitbucket\"")));
    }

    void judgeKeepsPendingWhenNothingWasLearned()
    {
        Connection connection;
        connection.status = VerificationStatus::Pending;
        const VerificationOutcome outcome = ConnectionVerifier::judge(
            connection,
            Result<VerificationReport>(Error{ErrorKind::Transient, QStringLiteral("x."), {}}),
            QDateTime::currentDateTimeUtc());
        QCOMPARE(outcome.status, VerificationStatus::Pending);
        QVERIFY(!outcome.lastVerifiedAt.isValid());
        QCOMPARE(outcome.errorKind, ErrorKind::Transient);
    }

    void verifyAllRunsConcurrentlyAndReportsEach()
    {
        constexpr int Count = 4;
        // Each server answers only once all four requests have arrived: verifications
        // done one after another would time out instead.
        auto arrived = std::make_shared<std::atomic<int>>(0);
        std::vector<std::unique_ptr<FakeGitHub>> servers;
        QList<ConnectionVerifier::Job> jobs;
        for (int i = 0; i < Count; ++i) {
            servers.push_back(std::make_unique<FakeGitHub>());
            const bool refuses = i == 2;
            servers.back()->server().onRequest(
                "GET", servers.back()->repoPath(), [arrived, refuses](const RecordedRequest&) {
                    ++*arrived;
                    QDeadlineTimer deadline(5000);
                    while (*arrived < Count && !deadline.hasExpired())
                        QThread::msleep(5);
                    if (*arrived < Count)
                        return FakeResponse::json(500, "{\"message\":\"not concurrent\"}");
                    if (refuses)
                        return FakeResponse::json(401, "{\"message\":\"Bad credentials\"}");
                    return FakeResponse::json(
                        200, "{\"full_name\":\"octo/app\",\"permissions\":{\"push\":true}}");
                });
            Connection connection =
                previouslyValid(QStringLiteral("github"), servers.back()->config());
            connection.id = 100 + i;
            jobs.append({connection, Token});
        }

        HttpSettings settings = testSettings();
        settings.totalTimeoutMs = 10000;
        settings.maxAttempts = 1;
        const ConnectionVerifier verifier(ProviderRegistry::builtIn(), settings);
        QObject context;
        QList<VerificationOutcome> reported;
        QFuture<VerificationOutcome> all =
            verifier.verifyAll(jobs, &context, [&reported](const VerificationOutcome& outcome) {
                reported << outcome;
            });
        QTRY_COMPARE_WITH_TIMEOUT(reported.size(), Count, 15000);

        all.waitForFinished();
        QCOMPARE(all.results().size(), Count);
        QSet<qint64> ids;
        for (const VerificationOutcome& outcome : std::as_const(reported)) {
            ids.insert(outcome.connectionId);
            QVERIFY2(!outcome.error.contains(QStringLiteral("not concurrent")),
                     qPrintable(outcome.error));
            QCOMPARE(outcome.status, outcome.connectionId == 102 ? VerificationStatus::Invalid
                                                                 : VerificationStatus::Valid);
        }
        QCOMPARE(ids, (QSet<qint64>{100, 101, 102, 103}));
    }
};

QTEST_GUILESS_MAIN(TestConnectionVerifier)
#include "tst_connectionverifier.moc"
