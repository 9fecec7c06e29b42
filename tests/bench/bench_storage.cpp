// Storage figures on SQLite and MariaDB: fresh migrate, bulk insert of 10,000 releases with
// 30 tasks each, and the dashboard summary (time and query count) next to the same SQL run
// through the sqlite3 / mariadb command-line clients. Prints figures; never fails on time.

#include "StoreSeed.h"
#include "TestBackend.h"
#include "TestMariaDb.h"
#include "db/MigrationRunner.h"
#include "db/Transaction.h"
#include "model/ReleaseEnums.h"
#include "store/ReleaseStore.h"
#include "store/ReleaseSummaryStore.h"
#include "store/TaskStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>

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

// 30 distinct (type, cycle) pairs: kickoff and pre-release once, regression per cycle.
QList<std::pair<TaskType, int>> taskPlan()
{
    QList<std::pair<TaskType, int>> plan;
    for (const TaskType type : allTaskTypes()) {
        if (!isCycleTask(type))
            plan.append({type, 0});
    }
    for (int cycle = 1; plan.size() < tasksPerRelease; ++cycle) {
        for (const TaskType type : allTaskTypes()) {
            if (isCycleTask(type) && plan.size() < tasksPerRelease)
                plan.append({type, cycle});
        }
    }
    return plan;
}

bool bulkInsert(Database& database, const Actor& actor, QString* error)
{
    const QList<std::pair<TaskType, int>> plan = taskPlan();
    QString taskSql =
        QStringLiteral("INSERT INTO tasks (workspace_id, release_id, stage, task_type, "
                       "cycle_number, status) VALUES ");
    for (int i = 0; i < plan.size(); ++i)
        taskSql += (i ? QStringLiteral(", ") : QString()) + QStringLiteral("(?, ?, ?, ?, ?, ?)");
    constexpr int batch = 200;
    for (int first = 0; first < releaseCount; first += batch) {
        Transaction transaction(database);
        if (!transaction.begun()) {
            *error = transaction.begun().error().message;
            return false;
        }
        for (int n = first; n < std::min(first + batch, releaseCount); ++n) {
            Result<QSqlQuery> release = database.run(
                QStringLiteral("INSERT INTO releases (workspace_id, version, base_branch, status, "
                               "stage, created_by) VALUES (?, ?, 'main', ?, ?, ?)"),
                {actor.workspaceId, QStringLiteral("%1.%2.0").arg(n / 100).arg(n % 100),
                 n % 7 == 0 ? QStringLiteral("COMPLETED") : QStringLiteral("IN_PROGRESS"),
                 toText(Stage(n % 4)), actor.accountId});
            if (!release) {
                *error = release.error().message;
                return false;
            }
            const qint64 id = release->lastInsertId().toLongLong();
            QVariantList values;
            for (int t = 0; t < plan.size(); ++t) {
                const TaskStatus status =
                    t < (n % tasksPerRelease) ? TaskStatus::Completed : TaskStatus::Pending;
                values << actor.workspaceId << id << toText(stageOf(plan.at(t).first))
                       << toText(plan.at(t).first) << plan.at(t).second << toText(status);
            }
            Result<QSqlQuery> tasks = database.run(taskSql, values);
            if (!tasks) {
                *error = tasks.error().message;
                return false;
            }
        }
        if (Status committed = transaction.commit(); !committed) {
            *error = committed.error().message;
            return false;
        }
    }
    return true;
}

// Runs a command-line client with sql on standard input; milliseconds, or -1.
qint64 timeClient(const QString& program, const QStringList& arguments, const QByteArray& sql)
{
    if (QStandardPaths::findExecutable(program).isEmpty())
        return -1;
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.write(sql);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000) || process.exitCode() != 0)
        return -1;
    return timer.elapsed();
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
    const QList<std::pair<TaskType, int>> plan = taskPlan();
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
    if (!bulkInsert(database, seed.ownerA, &error)) {
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

    const QByteArray sql =
        QStringLiteral(
            "SELECT id, workspace_id, config_id, version, release_type, base_branch, "
            "release_branch, base_release_id, status, pause_reason, stage, kickoff_reminder_at, "
            "kickoff_at, target_at, released_at, release_tag, created_by, pilot_id, row_version, "
            "created_at, updated_at FROM releases WHERE workspace_id = %1 ORDER BY id DESC;\n"
            "SELECT release_id, stage, status, COUNT(*) FROM tasks WHERE workspace_id = %1 GROUP "
            "BY release_id, stage, status;\n")
            .arg(seed.workspaceA)
            .toUtf8();
    qint64 client = -1;
    if (backend == QLatin1String("sqlite")) {
        client = timeClient(QStringLiteral("sqlite3"), {database.url().path}, sql);
        say(QStringLiteral("same SQL through sqlite3 (incl. start): %1 ms").arg(client));
    } else {
        const TestMariaDb server = TestMariaDb::fromEnvironment(&error);
        client = timeClient(QStringLiteral("mariadb"),
                            {QStringLiteral("-h"), server.host, QStringLiteral("-P"),
                             QString::number(server.port), QStringLiteral("-u"), server.user,
                             database.url().database},
                            sql);
        say(QStringLiteral("same SQL through mariadb (incl. start): %1 ms").arg(client));
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    benchmark(QStringLiteral("sqlite"));
    benchmark(QStringLiteral("mariadb"));
    return 0;
}
