#include "EventStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"
#include "db/Transaction.h"

namespace ReleaseDeck {

namespace {

const QString columns =
    QStringLiteral("SELECT id, workspace_id, seq, release_id, account_id, actor, kind, message, "
                   "data, created_at FROM events WHERE workspace_id = ?");

} // namespace

EventStore::EventStore(Database& database)
    : m_database(database)
{}

Result<qint64> EventStore::nextSeq(qint64 workspaceId)
{
    // The increment comes first: it locks the workspace's row until the transaction ends.
    // A workspace's first event creates the row (a concurrent first insert waits on the
    // key, then increments).
    const QString take =
        m_database.dialect() == Dialect::Sqlite
            ? QStringLiteral("INSERT INTO event_sequences (workspace_id, last_seq) VALUES (?, 1) "
                             "ON CONFLICT (workspace_id) DO UPDATE SET last_seq = last_seq + 1")
            : QStringLiteral("INSERT INTO event_sequences (workspace_id, last_seq) VALUES (?, 1) "
                             "ON DUPLICATE KEY UPDATE last_seq = last_seq + 1");
    if (Result<QSqlQuery> taken = m_database.run(take, {workspaceId}); !taken)
        return taken.error();
    Result<QSqlQuery> read = m_database.run(
        QStringLiteral("SELECT last_seq FROM event_sequences WHERE workspace_id = ?"),
        {workspaceId});
    if (!read)
        return read.error();
    if (!read->next())
        return Error::internal(QStringLiteral("The event sequence of the workspace is missing."));
    return read->value(0).toLongLong();
}

Result<qint64> EventStore::append(const Actor& actor, const Event& event)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("record activity"));
    if (!allowed)
        return allowed.error();
    if (event.kind.isEmpty())
        return Error::usage(QStringLiteral("An event needs a kind."));
    // Joins the caller's transaction; alone, the seq and the row still commit together.
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<qint64> seq = nextSeq(actor.workspaceId);
    if (!seq)
        return seq.error();
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO events (workspace_id, seq, release_id, account_id, actor, "
                       "kind, message, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {actor.workspaceId, *seq, SqlValue::id(event.releaseId), SqlValue::id(actor.accountId),
         event.actor, event.kind, event.message,
         event.data.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                              : SqlValue::json(event.data)});
    if (!inserted)
        return inserted.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return *seq;
}

Result<QList<Event>> EventStore::select(const QString& sql, const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(sql, values);
    if (!query)
        return query.error();
    QList<Event> events;
    while (query->next())
        events.append({query->value(0).toLongLong(), query->value(1).toLongLong(),
                       query->value(2).toLongLong(), query->value(3).toLongLong(),
                       query->value(4).toLongLong(), query->value(5).toString(),
                       query->value(6).toString(), query->value(7).toString(),
                       SqlValue::jsonFrom(query->value(8)), SqlTime::fromColumn(query->value(9))});
    return events;
}

Result<QList<Event>> EventStore::listSince(qint64 workspaceId, qint64 afterSeq, int limit)
{
    return select(columns + QStringLiteral(" AND seq > ? ORDER BY seq LIMIT ?"),
                  {workspaceId, afterSeq, std::max(1, limit)});
}

Result<qint64> EventStore::lastSeq(qint64 workspaceId)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT MAX(seq) FROM events WHERE workspace_id = ?"), {workspaceId});
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<QList<Event>> EventStore::listNewest(qint64 workspaceId, const EventFilter& filter)
{
    QString sql = columns;
    QVariantList values = {workspaceId};
    if (filter.releaseId != 0) {
        sql += QStringLiteral(" AND release_id = ?");
        values.append(filter.releaseId);
    }
    if (!filter.kind.isEmpty()) {
        sql += QStringLiteral(" AND kind = ?");
        values.append(filter.kind);
    }
    if (filter.beforeSeq != 0) {
        sql += QStringLiteral(" AND seq < ?");
        values.append(filter.beforeSeq);
    }
    sql += QStringLiteral(" ORDER BY seq DESC LIMIT ?");
    values.append(std::max(1, filter.limit));
    return select(sql, values);
}

} // namespace ReleaseDeck
