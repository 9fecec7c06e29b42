#include "MigrationRunner.h"

#include "Database.h"
#include "SqlTime.h"
#include "Transaction.h"
#include "logging/Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace ReleaseDeck {

namespace {

QString dialectFolder(Dialect dialect)
{
    return dialect == Dialect::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("mysql");
}

// "migrations/sqlite/001_x.up.sql" for files in the binary, the path otherwise.
QString displayPath(const QString& path)
{
    return path.startsWith(QLatin1String(":/")) ? path.mid(2) : path;
}

} // namespace

MigrationRunner::MigrationRunner(Database& database)
    : m_database(database)
    , m_folder(QStringLiteral(":/migrations/") + dialectFolder(database.dialect()))
{}

void MigrationRunner::setSourceFolder(const QString& folder)
{
    m_folder = folder;
}

Result<QList<Migration>> MigrationRunner::available() const
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)_(\\w+)\\.(up|down)\\.sql$"));
    const QDir dir(m_folder);
    if (!dir.exists())
        return Error::internal(QStringLiteral("No migrations found in %1.").arg(m_folder));
    QMap<int, Migration> byNumber;
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QRegularExpressionMatch match = pattern.match(file);
        if (!match.hasMatch())
            return Error::internal(
                QStringLiteral("The migration file %1 is not named NNN_name.up.sql or "
                               "NNN_name.down.sql.")
                    .arg(displayPath(dir.filePath(file))));
        const int number = match.captured(1).toInt();
        Migration& migration = byNumber[number];
        if (!migration.name.isEmpty() && migration.name != match.captured(2))
            return Error::internal(QStringLiteral("Two migrations share the number %1 in %2.")
                                       .arg(number)
                                       .arg(displayPath(m_folder)));
        migration.number = number;
        migration.name = match.captured(2);
        QFile content(dir.filePath(file));
        if (!content.open(QIODevice::ReadOnly))
            return Error::internal(QStringLiteral("Cannot read the migration file %1.")
                                       .arg(displayPath(content.fileName())));
        if (match.captured(3) == QLatin1String("up")) {
            migration.upPath = content.fileName();
            migration.up = content.readAll();
            migration.checksum = QString::fromLatin1(
                QCryptographicHash::hash(migration.up, QCryptographicHash::Sha256).toHex());
        } else {
            migration.downPath = content.fileName();
            migration.down = content.readAll();
        }
    }
    QList<Migration> result;
    for (const Migration& migration : std::as_const(byNumber)) {
        if (migration.upPath.isEmpty())
            return Error::internal(QStringLiteral("The migration %1_%2 has no up script.")
                                       .arg(migration.number, 3, 10, QLatin1Char('0'))
                                       .arg(migration.name));
        result.append(migration);
    }
    return result;
}

Status MigrationRunner::ensureTable()
{
    const QString sql =
        m_database.dialect() == Dialect::Sqlite
            ? QStringLiteral(
                  "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER NOT NULL "
                  "PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at "
                  "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')))")
            : QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (number INT NOT NULL "
                             "PRIMARY KEY, name VARCHAR(255) NOT NULL, checksum VARCHAR(64) NOT "
                             "NULL, applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)) "
                             "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    Result<QSqlQuery> created = m_database.run(sql);
    if (!created)
        return created.error();
    return {};
}

Result<QList<MigrationStatus::Applied>> MigrationRunner::readApplied()
{
    Result<QSqlQuery> exists = m_database.run(
        m_database.dialect() == Dialect::Sqlite
            ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                             "'schema_migrations'")
            : QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA "
                             "= DATABASE() AND TABLE_NAME = 'schema_migrations'"));
    if (!exists)
        return exists.error();
    // An empty database: nothing applied, and nothing created by asking.
    if (!exists->next() || exists->value(0).toInt() == 0)
        return QList<MigrationStatus::Applied>();
    Result<QSqlQuery> query = m_database.run(QStringLiteral(
        "SELECT number, name, checksum, applied_at FROM schema_migrations ORDER BY number"));
    if (!query)
        return query.error();
    QList<MigrationStatus::Applied> applied;
    while (query->next())
        applied.append({query->value(0).toInt(), query->value(1).toString(),
                        query->value(2).toString(), SqlTime::fromColumn(query->value(3))});
    return applied;
}

Status MigrationRunner::verifyChecksums(const QList<Migration>& known,
                                        const QList<MigrationStatus::Applied>& applied) const
{
    for (const MigrationStatus::Applied& step : applied) {
        const auto found = std::find_if(known.cbegin(), known.cend(), [&](const Migration& m) {
            return m.number == step.number;
        });
        if (found == known.cend())
            return Error::conflict(
                QStringLiteral("The database has migration %1 (%2), which this program does not "
                               "know; update Release Deck.")
                    .arg(step.number)
                    .arg(step.name));
        if (found->checksum != step.checksum)
            return Error::conflict(
                QStringLiteral("The migration file %1 changed after it was applied; restore it "
                               "and put the change in a new migration.")
                    .arg(displayPath(found->upPath)));
    }
    return {};
}

Result<MigrationStatus> MigrationRunner::status()
{
    Result<QList<Migration>> known = available();
    if (!known)
        return known.error();
    Result<QList<MigrationStatus::Applied>> applied = readApplied();
    if (!applied)
        return applied.error();
    MigrationStatus status;
    status.applied = *applied;
    for (const MigrationStatus::Applied& step : status.applied)
        status.currentVersion = std::max(status.currentVersion, step.number);
    for (const Migration& migration : std::as_const(*known)) {
        const bool done =
            std::any_of(status.applied.cbegin(), status.applied.cend(),
                        [&](const auto& step) { return step.number == migration.number; });
        if (!done)
            status.pending.append(migration);
    }
    if (Status verified = verifyChecksums(*known, status.applied); !verified)
        return verified.error();
    return status;
}

Status MigrationRunner::runScript(const QByteArray& script, const QString& path)
{
    const QStringList statements = Migration::statements(script);
    for (const QString& statement : statements) {
        Result<QSqlQuery> done = m_database.run(statement);
        if (!done)
            return Error{done.error().kind,
                         QStringLiteral("The migration %1 failed: %2")
                             .arg(displayPath(path), done.error().message),
                         {}};
    }
    return {};
}

Status MigrationRunner::applyStep(const Migration& migration)
{
    qCDebug(lcDb) << "applying migration" << migration.number << migration.name;
    if (m_database.dialect() == Dialect::Sqlite) {
        // SQLite DDL is transactional: the step and its record commit together.
        Transaction transaction(m_database);
        if (!transaction.begun())
            return transaction.begun();
        Result<QSqlQuery> present = m_database.run(
            QStringLiteral("SELECT 1 FROM schema_migrations WHERE number = ?"), {migration.number});
        if (!present)
            return present.error();
        if (present->next())
            return {};
        if (Status ran = runScript(migration.up, migration.upPath); !ran)
            return ran;
        Result<QSqlQuery> recorded = m_database.run(
            QStringLiteral(
                "INSERT INTO schema_migrations (number, name, checksum) VALUES (?, ?, ?)"),
            {migration.number, migration.name, migration.checksum});
        if (!recorded)
            return recorded.error();
        return transaction.commit();
    }
    // MariaDB commits each DDL statement; the scripts use IF NOT EXISTS, so after a crash
    // the step runs again and the record, written last, makes it count once.
    if (Status ran = runScript(migration.up, migration.upPath); !ran)
        return ran;
    Result<QSqlQuery> recorded = m_database.run(
        QStringLiteral("INSERT INTO schema_migrations (number, name, checksum) VALUES (?, ?, ?)"),
        {migration.number, migration.name, migration.checksum});
    if (!recorded)
        return recorded.error();
    return {};
}

Status MigrationRunner::revertStep(const Migration& migration)
{
    qCDebug(lcDb) << "rolling back migration" << migration.number << migration.name;
    if (migration.downPath.isEmpty())
        return Error::conflict(QStringLiteral("The migration %1 has no down script; it cannot be "
                                              "rolled back.")
                                   .arg(displayPath(migration.upPath)));
    const QString forget = QStringLiteral("DELETE FROM schema_migrations WHERE number = ?");
    if (m_database.dialect() == Dialect::Sqlite) {
        Transaction transaction(m_database);
        if (!transaction.begun())
            return transaction.begun();
        if (Status ran = runScript(migration.down, migration.downPath); !ran)
            return ran;
        Result<QSqlQuery> forgotten = m_database.run(forget, {migration.number});
        if (!forgotten)
            return forgotten.error();
        return transaction.commit();
    }
    // Down scripts use IF EXISTS, so a crash before the record goes is safe to re-run.
    if (Status ran = runScript(migration.down, migration.downPath); !ran)
        return ran;
    Result<QSqlQuery> forgotten = m_database.run(forget, {migration.number});
    if (!forgotten)
        return forgotten.error();
    return {};
}

Status MigrationRunner::lock()
{
    if (m_database.dialect() != Dialect::MySql)
        return {};
    Result<QSqlQuery> locked = m_database.run(
        QStringLiteral("SELECT GET_LOCK(CONCAT('releasedeck-migrate-', DATABASE()), 120)"));
    if (!locked)
        return locked.error();
    if (!locked->next() || locked->value(0).toInt() != 1)
        return Error{ErrorKind::Transient,
                     QStringLiteral("Another Release Deck is migrating %1; try again in a minute.")
                         .arg(m_database.url().where()),
                     {}};
    return {};
}

void MigrationRunner::unlock()
{
    if (m_database.dialect() != Dialect::MySql)
        return;
    // The server drops the lock with the connection anyway.
    (void)m_database.run(
        QStringLiteral("SELECT RELEASE_LOCK(CONCAT('releasedeck-migrate-', DATABASE()))"));
}

Status MigrationRunner::recordAdministrator()
{
    if (m_database.dialect() != Dialect::MySql)
        return {};
    Result<QSqlQuery> exists = m_database.run(
        QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                       "DATABASE() AND TABLE_NAME = 'schema_admins'"));
    if (!exists)
        return exists.error();
    if (!exists->next() || exists->value(0).toInt() == 0)
        return {};
    // USER() is 'name@client-host'; the host never contains '@'.
    Result<QSqlQuery> recorded = m_database.run(QStringLiteral(
        "INSERT IGNORE INTO schema_admins (user_name) VALUES (SUBSTRING(USER(), 1, "
        "CHAR_LENGTH(USER()) - CHAR_LENGTH(SUBSTRING_INDEX(USER(), '@', -1)) - 1))"));
    if (!recorded)
        return recorded.error();
    return {};
}

Result<int> MigrationRunner::migrate()
{
    if (Status locked = lock(); !locked)
        return locked.error();
    int count = 0;
    Status outcome;
    {
        // Read under the lock: another process may have just finished.
        Status made = ensureTable();
        if (made)
            made = recordAdministrator();
        Result<MigrationStatus> current = made ? status() : Result<MigrationStatus>(made.error());
        if (!current) {
            outcome = current.error();
        } else {
            for (const Migration& migration : std::as_const(current->pending)) {
                outcome = applyStep(migration);
                if (!outcome)
                    break;
                ++count;
            }
        }
        // The step that creates schema_admins may just have run.
        if (outcome && count > 0)
            outcome = recordAdministrator();
    }
    unlock();
    if (!outcome)
        return outcome.error();
    return count;
}

Result<int> MigrationRunner::bringUpToDate()
{
    Result<MigrationStatus> current = status();
    if (!current)
        return current.error();
    if (current->pending.isEmpty())
        return 0;
    return migrate();
}

Result<int> MigrationRunner::rollbackTo(int target)
{
    if (target < 0)
        return Error::usage(QStringLiteral("The version to roll back to must be 0 or more."));
    if (Status locked = lock(); !locked)
        return locked.error();
    int count = 0;
    Status outcome;
    {
        Status recorded = recordAdministrator();
        Result<MigrationStatus> current =
            recorded ? status() : Result<MigrationStatus>(recorded.error());
        Result<QList<Migration>> known = available();
        if (!current) {
            outcome = current.error();
        } else if (!known) {
            outcome = known.error();
        } else {
            QList<Migration> steps;
            for (const Migration& migration : std::as_const(*known)) {
                const bool applied =
                    std::any_of(current->applied.cbegin(), current->applied.cend(),
                                [&](const auto& step) { return step.number == migration.number; });
                if (applied && migration.number > target)
                    steps.prepend(migration);
            }
            for (const Migration& migration : std::as_const(steps)) {
                outcome = revertStep(migration);
                if (!outcome)
                    break;
                ++count;
            }
        }
    }
    unlock();
    if (!outcome)
        return outcome.error();
    return count;
}

} // namespace ReleaseDeck
