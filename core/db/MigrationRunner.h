#pragma once

#include "Migration.h"
#include "Result.h"

#include <QDateTime>
#include <QList>

namespace ReleaseDeck {

class Database;

// Where the schema stands: what is applied and what this program would still apply.
struct MigrationStatus
{
    struct Applied
    {
        int number = 0;
        QString name;
        QString checksum;
        QDateTime appliedAt;
    };
    int currentVersion = 0; // highest applied number, 0 for an empty database
    QList<Applied> applied;
    QList<Migration> pending;
};

// Applies and rolls back the numbered migrations recorded in schema_migrations.
// Refuses to run when an applied migration's file changed; on MariaDB holds GET_LOCK so
// concurrent processes apply each step once; every step is safe to re-run after a crash
// (SQLite: one transaction per step; MariaDB: IF [NOT] EXISTS DDL, recorded after).
class MigrationRunner
{
public:
    explicit MigrationRunner(Database& database);

    // The migrations of this dialect shipped in the binary, or those in a folder (tests).
    void setSourceFolder(const QString& folder);
    Result<QList<Migration>> available() const;

    Result<MigrationStatus> status();
    // Applies every pending migration; returns how many it applied. On MariaDB whoever runs
    // it is a schema administrator, recorded in schema_admins (migration 009), whose writes
    // the role triggers let through.
    Result<int> migrate();
    // migrate() only when a migration is pending: a member's login, which may not change the
    // schema, opens an up-to-date shared database without trying.
    Result<int> bringUpToDate();
    // Runs the down scripts of every applied migration above target, newest first.
    Result<int> rollbackTo(int target);

private:
    Status ensureTable();
    Result<QList<MigrationStatus::Applied>> readApplied();
    Status verifyChecksums(const QList<Migration>& known,
                           const QList<MigrationStatus::Applied>& applied) const;
    Status runScript(const QByteArray& script, const QString& path);
    Status applyStep(const Migration& migration);
    Status revertStep(const Migration& migration);
    Status lock();
    void unlock();
    Status recordAdministrator();

    Database& m_database;
    QString m_folder;
};

} // namespace ReleaseDeck
