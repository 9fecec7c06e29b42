// Orchestrator figures on SQLite and MariaDB with 10, 100, 1,000 and 10,000 idle releases:
// queries per tick, tick time (wall and CPU of this process, and of the MariaDB server),
// and the time from a task becoming due to its dispatch (claimed by a worker), after a
// user action (tickSoon) and on the tick timer. Target: queries per tick constant, at most
// 1 ms of CPU per 100 idle releases. Prints figures; never fails on time.

#include "IdleReleases.h"
#include "OrchestratedWorkspace.h"
#include "TestBackend.h"
#include "store/TaskStore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

constexpr int TicksPerSize = 30;
constexpr int DispatchSamples = 5;

void say(const QString& text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

// The MariaDB server's CPU time so far (user + system), from /proc; -1 when unknown.
double serverCpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command's closing parenthesis; utime and stime are the 14th and 15th.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = fields.at(11).toDouble() + fields.at(12).toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

qint64 serverPid()
{
    const QString state = qEnvironmentVariable("RELEASEDECK_TEST_MARIADB");
    if (state.isEmpty())
        return 0;
    return QSettings(state + QStringLiteral("/server.ini"), QSettings::IniFormat)
        .value(QStringLiteral("pid"))
        .toLongLong();
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

struct Figures
{
    int releases = 0;
    qint64 queries = 0;
    double wallMs = 0;
    double cpuMs = 0;
    double serverMs = -1;
    double soonMs = 0;  // due → claimed, after tickSoon()
    double timerMs = 0; // due → claimed, on the 1 s tick timer
};

class Bench
{
public:
    explicit Bench(Database& database)
        : m_database(database)
        , m_workspace(database)
    {}

    bool plant(QString* error) { return m_workspace.plant(error); }

    bool seed(int total, QString* error)
    {
        const bool added =
            IdleReleases::add(m_database, m_workspace.workspaceId(), m_workspace.owner().accountId,
                              m_seeded, total - m_seeded, error);
        m_seeded = total;
        return added;
    }

    Figures measureTicks(qint64 pid)
    {
        Figures figures;
        figures.releases = m_seeded;
        m_workspace.createOrchestrator(3600, 3600);
        m_workspace.tick(); // takes the lease
        QList<double> wall;
        QList<double> cpu;
        const double serverBefore = serverCpuMs(pid);
        for (int i = 0; i < TicksPerSize; ++i) {
            const qint64 queries = m_database.queryCount();
            const double cpuBefore = processCpuMs();
            QElapsedTimer timer;
            timer.start();
            m_workspace.tick();
            wall.append(double(timer.nsecsElapsed()) / 1e6);
            cpu.append(processCpuMs() - cpuBefore);
            figures.queries = m_database.queryCount() - queries;
        }
        if (serverBefore >= 0)
            figures.serverMs = (serverCpuMs(pid) - serverBefore) / TicksPerSize;
        figures.wallMs = median(wall);
        figures.cpuMs = median(cpu);
        m_workspace.stopOrchestrator();
        return figures;
    }

    // A polled CI task never started yet; 0 when none. The query is finished on return: an
    // open SQLite statement would keep this thread reading an old snapshot.
    qint64 pollingTask() { return pollingTasks(1).value(0); }

    QList<qint64> pollingTasks(int limit)
    {
        Result<QSqlQuery> found = m_database.run(
            QStringLiteral("SELECT id FROM tasks WHERE workspace_id = ? AND status = "
                           "'AWAITING_EXTERNAL' AND started_at IS NULL ORDER BY id LIMIT ?"),
            {m_workspace.workspaceId(), limit});
        QList<qint64> ids;
        while (found && found->next())
            ids.append(found->value(0).toLongLong());
        return ids;
    }

    // A polled CI task of an idle release made due now: ms until a worker claimed it, by
    // the database clock.
    double dispatch(bool soon)
    {
        const qint64 id = pollingTask();
        if (id == 0)
            return -1;
        TaskStore tasks(m_database);
        if (!tasks.schedule(m_workspace.owner(), {id}, 0))
            return -1;
        // Read before the orchestrator runs it: its result clears the next attempt.
        const QDateTime due = tasks.findById(m_workspace.workspaceId(), id).value()->nextAttemptAt;
        if (soon)
            m_workspace.orchestrator()->tickSoon();
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            const Task task = tasks.findById(m_workspace.workspaceId(), id).value().value();
            if (task.startedAt.isValid())
                return double(due.msecsTo(task.startedAt));
            QTest::qWait(5);
        }
        return -1;
    }

    void measureDispatch(Figures& figures)
    {
        m_workspace.startOrchestrator(1, 5);
        QTest::qWait(1500);
        QList<double> soon;
        QList<double> timer;
        // Each sample uses up two polled tasks; the smallest sizes have few.
        const int samples =
            std::min<int>(DispatchSamples, int(pollingTasks(2 * DispatchSamples).size()) / 2);
        for (int i = 0; i < samples; ++i) {
            soon.append(dispatch(true));
            // Becomes due at some moment between two ticks.
            QTest::qWait(1000 + 137 * i);
            timer.append(dispatch(false));
        }
        figures.soonMs = soon.isEmpty() ? -1 : median(soon);
        figures.timerMs = timer.isEmpty() ? -1 : median(timer);
        m_workspace.stopOrchestrator();
    }

private:
    Database& m_database;
    OrchestratedWorkspace m_workspace;
    int m_seeded = 0;
};

void benchmark(const QString& backend)
{
    QString error;
    std::unique_ptr<Database> database =
        TestBackend::database(backend, QStringLiteral("bench-orchestrator"), &error);
    if (!database) {
        say(QStringLiteral("%1: %2").arg(backend, error));
        return;
    }
    Bench bench(*database);
    if (!bench.plant(&error)) {
        say(error);
        return;
    }
    const qint64 pid = backend == QLatin1String("mariadb") ? serverPid() : 0;
    say(QStringLiteral("== %1 ==").arg(backend));
    say(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
            .arg(QStringLiteral("releases"), 9)
            .arg(QStringLiteral("seed ms"), 8)
            .arg(QStringLiteral("queries/tick"), 13)
            .arg(QStringLiteral("tick ms"), 8)
            .arg(QStringLiteral("CPU ms"), 7)
            .arg(QStringLiteral("server CPU ms"), 14)
            .arg(QStringLiteral("due→dispatch ms (tickSoon)"), 27)
            .arg(QStringLiteral("(1 s timer)"), 12));
    for (const int size : {10, 100, 1000, 10000}) {
        QElapsedTimer seeding;
        seeding.start();
        if (!bench.seed(size, &error)) {
            say(error);
            return;
        }
        const qint64 seedMs = seeding.elapsed();
        Figures figures = bench.measureTicks(pid);
        bench.measureDispatch(figures);
        say(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                .arg(figures.releases, 9)
                .arg(seedMs, 8)
                .arg(figures.queries, 13)
                .arg(figures.wallMs, 8, 'f', 2)
                .arg(figures.cpuMs, 7, 'f', 2)
                .arg(figures.serverMs < 0 ? QStringLiteral("-")
                                          : QString::number(figures.serverMs, 'f', 2),
                     14)
                .arg(figures.soonMs < 0 ? QStringLiteral("-") : QString::number(figures.soonMs), 27)
                .arg(figures.timerMs < 0 ? QStringLiteral("-") : QString::number(figures.timerMs),
                     12));
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    say(QStringLiteral("Ticks per size: %1 (median); dispatch samples: %2 (median). Target: "
                       "queries per tick constant, CPU ≤ 1 ms per 100 idle releases.")
            .arg(TicksPerSize)
            .arg(DispatchSamples));
    benchmark(QStringLiteral("sqlite"));
    benchmark(QStringLiteral("mariadb"));
    return 0;
}
