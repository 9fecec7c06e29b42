#include "ReleaseSummaryStore.h"

#include "ReleaseStore.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"

#include <QHash>

#include <algorithm>
#include <functional>

namespace ReleaseDeck {

namespace {

CycleProgress& cycleOf(ReleaseSummary& summary, int number)
{
    for (CycleProgress& cycle : summary.cycles) {
        if (cycle.number == number)
            return cycle;
    }
    CycleProgress added;
    added.number = number;
    const auto at = std::lower_bound(
        summary.cycles.begin(), summary.cycles.end(), number,
        [](const CycleProgress& cycle, int wanted) { return cycle.number < wanted; });
    return *summary.cycles.insert(at, added);
}

ReleaseSummary summaryOf(const Release& release)
{
    ReleaseSummary summary;
    summary.release = release;
    return summary;
}

} // namespace

ReleaseSummaryStore::ReleaseSummaryStore(Database& database)
    : m_database(database)
{}

Result<QList<ReleaseSummary>> ReleaseSummaryStore::all(qint64 workspaceId)
{
    Result<QList<Release>> releases = ReleaseStore(m_database).list(workspaceId);
    if (!releases)
        return releases.error();
    QList<ReleaseSummary> summaries;
    summaries.reserve(releases->size());
    for (const Release& release : std::as_const(*releases))
        summaries.append(summaryOf(release));
    if (Status completed = complete(workspaceId, summaries, {}, {}); !completed)
        return completed.error();
    return summaries;
}

Result<QList<ReleaseSummary>> ReleaseSummaryStore::newest(qint64 workspaceId, int limit)
{
    Result<QList<qint64>> ids = ReleaseStore(m_database).newestIds(workspaceId, limit);
    if (!ids)
        return ids.error();
    return byIds(workspaceId, *ids);
}

Result<QList<ReleaseSummary>> ReleaseSummaryStore::byIds(qint64 workspaceId,
                                                         const QList<qint64>& ids)
{
    QList<ReleaseSummary> summaries;
    for (qsizetype first = 0; first < ids.size(); first += SqlValue::MaxInList) {
        const QList<qint64> chunk = ids.mid(first, SqlValue::MaxInList);
        Result<QList<Release>> releases = ReleaseStore(m_database).listByIds(workspaceId, chunk);
        if (!releases)
            return releases.error();
        QList<ReleaseSummary> part;
        for (const Release& release : std::as_const(*releases))
            part.append(summaryOf(release));
        QVariantList values;
        for (const qint64 id : chunk)
            values.append(id);
        const QString filter =
            QStringLiteral(" AND release_id IN (%1)").arg(SqlValue::placeholders(chunk.size()));
        if (Status completed = complete(workspaceId, part, filter, values); !completed)
            return completed.error();
        summaries += part;
    }
    std::sort(summaries.begin(), summaries.end(),
              [](const ReleaseSummary& a, const ReleaseSummary& b) {
                  return a.release.id > b.release.id;
              });
    return summaries;
}

Status ReleaseSummaryStore::complete(qint64 workspaceId, QList<ReleaseSummary>& summaries,
                                     const QString& filter, const QVariantList& filterValues)
{
    if (summaries.isEmpty())
        return {};
    QHash<qint64, qsizetype> at;
    at.reserve(summaries.size());
    for (qsizetype i = 0; i < summaries.size(); ++i)
        at.insert(summaries.at(i).release.id, i);
    const QVariantList values = QVariantList{workspaceId} + filterValues;
    // Each query returns rows keyed by release id; rows of releases not read are ignored
    // (a release created between the queries arrives with the next feed update).
    const auto each =
        [&](const QString& sql,
            const std::function<void(ReleaseSummary&, const QSqlQuery&)>& read) -> Status {
        Result<QSqlQuery> query = m_database.run(sql, values);
        if (!query)
            return query.error();
        while (query->next()) {
            const auto found = at.constFind(query->value(0).toLongLong());
            if (found != at.cend())
                read(summaries[*found], *query);
        }
        return {};
    };

    // The pilot's name, only for releases that have one.
    QString pilotFilter = filter;
    pilotFilter.replace(QStringLiteral("release_id"), QStringLiteral("r.id"));
    if (Status read = each(
            QStringLiteral("SELECT r.id, a.display_name FROM releases r JOIN accounts a ON a.id = "
                           "r.pilot_id WHERE r.workspace_id = ?") +
                pilotFilter,
            [](ReleaseSummary& summary, const QSqlQuery& q) {
                summary.pilotName = q.value(1).toString();
            });
        !read)
        return read;
    if (Status read = each(
            QStringLiteral("SELECT release_id, cycle_number, status FROM "
                           "regression_cycles WHERE workspace_id = ?") +
                filter,
            [](ReleaseSummary& summary, const QSqlQuery& q) {
                cycleOf(summary, q.value(1).toInt()).status =
                    cycleStatusFromText(q.value(2).toString()).value_or(CycleStatus::NotStarted);
            });
        !read)
        return read;
    if (Status read = each(
            QStringLiteral("SELECT release_id, stage, cycle_number, status, COUNT(*) FROM tasks "
                           "WHERE workspace_id = ?") +
                filter + QStringLiteral(" GROUP BY release_id, stage, cycle_number, status"),
            [](ReleaseSummary& summary, const QSqlQuery& q) {
                const std::optional<Stage> stage = stageFromText(q.value(1).toString());
                const std::optional<TaskStatus> status = taskStatusFromText(q.value(3).toString());
                if (!stage || !status)
                    return;
                const int n = q.value(4).toInt();
                summary.add(*stage, *status, n);
                const int cycle = q.value(2).toInt();
                if (cycle > 0) {
                    CycleProgress& progress = cycleOf(summary, cycle);
                    progress.total += n;
                    if (*status == TaskStatus::Completed || *status == TaskStatus::Skipped)
                        progress.finished += n;
                }
            });
        !read)
        return read;
    if (Status read = each(QStringLiteral("SELECT release_id, task_type, cycle_number FROM tasks "
                                          "WHERE workspace_id = ? AND status = 'FAILED'") +
                               filter + QStringLiteral(" ORDER BY id"),
                           [](ReleaseSummary& summary, const QSqlQuery& q) {
                               if (summary.failedTask)
                                   return;
                               summary.failedTask = taskTypeFromText(q.value(1).toString());
                               summary.failedCycle = q.value(2).toInt();
                           });
        !read)
        return read;
    return each(QStringLiteral("SELECT release_id, COUNT(*), MIN(CASE WHEN cycle_id IS NULL THEN "
                               "slot_at END) FROM regression_slots WHERE workspace_id = ?") +
                    filter + QStringLiteral(" GROUP BY release_id"),
                [](ReleaseSummary& summary, const QSqlQuery& q) {
                    summary.slotCount = q.value(1).toInt();
                    summary.nextSlotAt = SqlTime::fromColumn(q.value(2));
                });
}

} // namespace ReleaseDeck
