#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Release.h"

#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// Releases of a workspace. OWNER or EDITOR writes; every update is optimistic: it names the
// row version it read, and a stale one fails with Conflict instead of overwriting.
class ReleaseStore
{
public:
    explicit ReleaseStore(Database& database);

    Result<Release> create(const Actor& actor, Release release);
    // Writes release (read at release.rowVersion); returns it with the new row version.
    Result<Release> update(const Actor& actor, const Release& release);

    Result<std::optional<Release>> findById(qint64 workspaceId, qint64 id);
    Result<std::optional<Release>> findByVersion(qint64 workspaceId, const QString& version);
    // Reads the release and, on MariaDB, locks its row until the surrounding transaction
    // ends, so its progress is decided by one writer at a time.
    Result<Release> lock(qint64 workspaceId, qint64 id);
    // The tag a release's notes start from: the fixed release's for a hotfix, else the
    // last completed release's; empty when there is none.
    Result<QString> previousTag(qint64 workspaceId, const Release& release);
    // PENDING releases whose kickoff time has come (database clock).
    Result<QList<Release>> kickoffsDue(qint64 workspaceId);
    // Newest first.
    Result<QList<Release>> list(qint64 workspaceId);
    // The ids of the newest `limit` releases, newest first.
    Result<QList<qint64>> newestIds(qint64 workspaceId, int limit);
    // The releases of ids that exist in the workspace, newest first; one query per 500 ids.
    Result<QList<Release>> listByIds(qint64 workspaceId, const QList<qint64>& ids);

private:
    Result<QList<Release>> select(const QString& where, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
