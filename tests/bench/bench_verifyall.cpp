// Verify-all over six connections whose servers each answer after 300 ms. Concurrent
// verification should take about one answer's time, not six.
#include "FakeGitHub.h"
#include "providers/ConnectionVerifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <memory>
#include <vector>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    constexpr int Connections = 6;
    constexpr int AnswerDelayMs = 300;

    std::vector<std::unique_ptr<FakeGitHub>> servers;
    QList<ConnectionVerifier::Job> jobs;
    for (int i = 0; i < Connections; ++i) {
        servers.push_back(std::make_unique<FakeGitHub>());
        servers.back()->server().setExtraDelay(AnswerDelayMs);
        Connection connection;
        connection.id = i + 1;
        connection.category = ConnectionCategory::Scm;
        connection.provider = QStringLiteral("github");
        connection.config = servers.back()->config();
        jobs.append({connection, QStringLiteral("fake-bench-token")});
    }

    const ConnectionVerifier verifier;
    QTextStream out(stdout);

    QElapsedTimer one;
    one.start();
    const VerificationOutcome single =
        verifier.verify(jobs.constFirst().connection, jobs.constFirst().token);
    const qint64 oneMs = one.elapsed();

    QElapsedTimer all;
    all.start();
    QFuture<VerificationOutcome> future = verifier.verifyAll(jobs);
    future.waitForFinished();
    const qint64 allMs = all.elapsed();

    int valid = 0;
    for (const VerificationOutcome& outcome : future.results())
        valid += outcome.status == VerificationStatus::Valid ? 1 : 0;

    out << "verify one connection: " << oneMs << " ms (" << toText(single.status) << ")\n";
    out << "verify-all over " << Connections << " connections (each answering after "
        << AnswerDelayMs << " ms): " << allMs << " ms, " << valid << "/" << Connections
        << " VALID\n";
    out << "sequential would take at least " << Connections * AnswerDelayMs << " ms\n";
    return valid == Connections ? 0 : 1;
}
