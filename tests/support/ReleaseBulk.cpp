#include "ReleaseBulk.h"

#include "db/Transaction.h"
#include "model/ReleaseEnums.h"

#include <QList>

#include <algorithm>

namespace ReleaseDeck::Test {

QList<std::pair<TaskType, int>> taskPlan(int tasksPerRelease)
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

namespace {

QString rows(int count, int columns)
{
    QString values = QStringLiteral("(?");
    for (int c = 1; c < columns; ++c)
        values += QStringLiteral(", ?");
    values += QLatin1Char(')');
    QStringList all;
    for (int r = 0; r < count; ++r)
        all.append(values);
    return all.join(QStringLiteral(", "));
}

} // namespace

bool insertReleases(Database& database, const Actor& actor, int releases, int tasksPerRelease,
                    QString* error)
{
    const QList<std::pair<TaskType, int>> plan = taskPlan(tasksPerRelease);
    const QString taskSql = QStringLiteral("INSERT INTO tasks (workspace_id, release_id, stage, "
                                           "task_type, cycle_number, status) VALUES ") +
                            rows(int(plan.size()), 6);
    const auto fail = [error](const Error& failure) {
        *error = failure.message;
        return false;
    };
    constexpr int batch = 200;
    for (int first = 0; first < releases; first += batch) {
        Transaction transaction(database);
        if (!transaction.begun())
            return fail(transaction.begun().error());
        for (int n = first; n < std::min(first + batch, releases); ++n) {
            const Stage stage = Stage(n % 4);
            Result<QSqlQuery> release = database.run(
                QStringLiteral("INSERT INTO releases (workspace_id, version, base_branch, status, "
                               "stage, created_by, pilot_id, kickoff_at, target_at) VALUES (?, ?, "
                               "'main', ?, ?, ?, ?, ?, ?)"),
                {actor.workspaceId, QStringLiteral("%1.%2.0").arg(n / 100).arg(n % 100),
                 n % 7 == 0
                     ? QStringLiteral("COMPLETED")
                     : (n % 11 == 0 ? QStringLiteral("PAUSED") : QStringLiteral("IN_PROGRESS")),
                 toText(stage), actor.accountId, actor.accountId,
                 QStringLiteral("2026-03-02 09:00:00.000"),
                 QStringLiteral("2026-03-20 17:00:00.000")});
            if (!release)
                return fail(release.error());
            const qint64 id = release->lastInsertId().toLongLong();
            QVariantList values;
            for (int t = 0; t < plan.size(); ++t) {
                const TaskStatus status =
                    t < (n % tasksPerRelease) ? TaskStatus::Completed : TaskStatus::Pending;
                values << actor.workspaceId << id << toText(stageOf(plan.at(t).first))
                       << toText(plan.at(t).first) << plan.at(t).second << toText(status);
            }
            if (Result<QSqlQuery> tasks = database.run(taskSql, values); !tasks)
                return fail(tasks.error());
            if (n % 3 != 0)
                continue;
            Result<QSqlQuery> cycle = database.run(
                QStringLiteral("INSERT INTO regression_cycles (workspace_id, release_id, "
                               "cycle_number, rc_tag, status, is_latest) VALUES (?, ?, 1, ?, "
                               "'IN_PROGRESS', 1)"),
                {actor.workspaceId, id, QStringLiteral("v%1-rc.1").arg(n)});
            if (!cycle)
                return fail(cycle.error());
            Result<QSqlQuery> planned = database.run(
                QStringLiteral("INSERT INTO regression_slots (workspace_id, release_id, slot_at, "
                               "cycle_id) VALUES (?, ?, '2026-03-04 14:00:00.000', ?), (?, ?, "
                               "'2026-03-06 14:00:00.000', NULL)"),
                {actor.workspaceId, id, cycle->lastInsertId(), actor.workspaceId, id});
            if (!planned)
                return fail(planned.error());
        }
        if (Status committed = transaction.commit(); !committed)
            return fail(committed.error());
    }
    return true;
}

QByteArray summarySql(qint64 workspaceId)
{
    return QStringLiteral(
               "SELECT id, workspace_id, config_id, version, release_type, base_branch, "
               "release_branch, base_release_id, status, pause_reason, stage, "
               "kickoff_reminder_at, kickoff_at, target_at, released_at, release_tag, created_by, "
               "pilot_id, row_version, created_at, updated_at, platforms, settings FROM releases "
               "WHERE workspace_id = %1 ORDER BY id DESC;\n"
               "SELECT r.id, a.display_name FROM releases r JOIN accounts a ON a.id = r.pilot_id "
               "WHERE r.workspace_id = %1;\n"
               "SELECT release_id, cycle_number, status FROM regression_cycles WHERE "
               "workspace_id = %1;\n"
               "SELECT release_id, stage, cycle_number, status, COUNT(*) FROM tasks WHERE "
               "workspace_id = %1 GROUP BY release_id, stage, cycle_number, status;\n"
               "SELECT release_id, task_type, cycle_number FROM tasks WHERE workspace_id = %1 "
               "AND status = 'FAILED' ORDER BY id;\n"
               "SELECT release_id, COUNT(*), MIN(CASE WHEN cycle_id IS NULL THEN slot_at END) "
               "FROM regression_slots WHERE workspace_id = %1 GROUP BY release_id;\n")
        .arg(workspaceId)
        .toUtf8();
}

} // namespace ReleaseDeck::Test
