// Storage figures on SQLite and MariaDB: fresh migrate, bulk insert of 10,000 releases with
// 30 tasks each (ReleaseBulk), and the dashboard summary (time and query count) next to the same
// SQL run through the sqlite3 / mariadb command-line clients. Prints figures; never fails on time.

#include "ReleaseBulk.h"
#include "SqlClient.h"
#include "StoreSeed.h"
#include "TestBackend.h"
#include "TestMariaDb.h"
#include "db/MigrationRunner.h"
#include "model/ReleaseEnums.h"
#include "store/ReleaseStore.h"
#include "store/ReleaseSummaryStore.h"
#include "store/TaskStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

constexpr int releaseCount = 10000;
constexpr int tasksPerRelease = 30;

void say(const QString& text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

void benchmark(const QString& backend)
{
    say(QStringLiteral("== %1 ==").arg(backend));
    QString error;
    const QString url = TestBackend::freshUrl(backend, QStringLiteral("bench"), &error);
    if (url.isEmpty()) {
        say(QStringLiteral("skipped: ") + error);
        return;
    }
    Database database(*DatabaseUrl::parse(url));
    QElapsedTimer timer;
    timer.start();
    Result<int> migrated = MigrationRunner(database).migrate();
    if (!migrated) {
        say(QStringLiteral("migrate failed: ") + migrated.error().message);
        return;
    }
    say(QStringLiteral("fresh migrate (%1 steps):            %2 ms")
            .arg(*migrated)
            .arg(timer.elapsed()));

    StoreSeed seed;
    if (!seed.plant(database, &error)) {
        say(QStringLiteral("seed failed: ") + error);
        return;
    }
    timer.restart();
    constexpr int viaStores = 100;
    ReleaseStore releases(database);
    TaskStore tasks(database);
    const QList<std::pair<TaskType, int>> plan = taskPlan(tasksPerRelease);
    for (int n = 0; n < viaStores; ++n) {
        Release release;
        release.version = QStringLiteral("store-%1").arg(n);
        release.baseBranch = QStringLiteral("main");
        Result<Release> created = releases.create(seed.ownerB, release);
        QList<Task> planned;
        for (const auto& [type, cycle] : plan) {
            Task task;
            task.type = type;
            task.stage = stageOf(type);
            task.cycleNumber = cycle;
            planned.append(task);
        }
        if (!created || !tasks.plan(seed.ownerB, created->id, planned)) {
            say(QStringLiteral("store insert failed"));
            return;
        }
    }
    say(QStringLiteral("via stores: %1 releases x %2 tasks:     %3 ms")
            .arg(viaStores)
            .arg(tasksPerRelease)
            .arg(timer.elapsed()));

    timer.restart();
    if (!insertReleases(database, seed.ownerA, releaseCount, tasksPerRelease, &error)) {
        say(QStringLiteral("bulk insert failed: ") + error);
        return;
    }
    say(QStringLiteral("bulk insert %1 releases x %2 tasks:  %3 ms")
            .arg(releaseCount)
            .arg(tasksPerRelease)
            .arg(timer.elapsed()));

    qint64 best = -1;
    qint64 queries = 0;
    qsizetype rows = 0;
    for (int round = 0; round < 3; ++round) {
        const qint64 before = database.queryCount();
        timer.restart();
        Result<QList<ReleaseSummary>> summary = ReleaseSummaryStore(database).all(seed.workspaceA);
        const qint64 elapsed = timer.elapsed();
        if (!summary) {
            say(QStringLiteral("dashboard failed: ") + summary.error().message);
            return;
        }
        queries = database.queryCount() - before;
        rows = summary->size();
        best = best < 0 ? elapsed : std::min(best, elapsed);
    }
    say(QStringLiteral("dashboard summary (%1 releases):      %2 ms best of 3, %3 queries")
            .arg(rows)
            .arg(best)
            .arg(queries));

    const QByteArray sql = summarySql(seed.workspaceA);
    say(QStringLiteral("same SQL through %1 (incl. start): %2 ms")
            .arg(database.url().isShared() ? QStringLiteral("mariadb") : QStringLiteral("sqlite3"))
            .arg(timeSqlClient(database.url(), sql)));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    benchmark(QStringLiteral("sqlite"));
    benchmark(QStringLiteral("mariadb"));
    return 0;
}
