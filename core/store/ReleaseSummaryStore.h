#pragma once

#include "Result.h"
#include "model/ReleaseSummary.h"

#include <QList>

namespace ReleaseDeck {

class Database;

// The dashboard's rows: every release of a workspace, or some of them, each with its task
// counts per stage and cycle, regression cycles and slots, pilot and first failed task.
// A constant number of queries whatever the number of releases (ids: one round per 500).
class ReleaseSummaryStore
{
public:
    explicit ReleaseSummaryStore(Database& database);

    // Every release, newest first.
    Result<QList<ReleaseSummary>> all(qint64 workspaceId);
    // The newest `limit` releases, newest first: the dashboard's first screen.
    Result<QList<ReleaseSummary>> newest(qint64 workspaceId, int limit);
    // The releases of ids that still exist, newest first.
    Result<QList<ReleaseSummary>> byIds(qint64 workspaceId, const QList<qint64>& ids);

private:
    // Fills in what the releases' own rows do not hold; filter is "" or " AND x IN (…)"
    // over the release id column alias `release_id`, with its values.
    Status complete(qint64 workspaceId, QList<ReleaseSummary>& summaries, const QString& filter,
                    const QVariantList& filterValues);

    Database& m_database;
};

} // namespace ReleaseDeck
