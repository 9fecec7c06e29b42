#include "EventStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"

namespace ReleaseDeck {

namespace {

const QString columns = QStringLiteral(
    "SELECT id, workspace_id, release_id, account_id, actor, kind, message, data, created_at "
    "FROM events WHERE workspace_id = ?");

} // namespace

EventStore::EventStore(Database& database)
    : m_database(database)
{}

Result<qint64> EventStore::append(const Actor& actor, const Event& event)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("record activity"));
    if (!allowed)
        return allowed.error();
    if (event.kind.isEmpty())
        return Error::usage(QStringLiteral("An event needs a kind."));
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO events (workspace_id, release_id, account_id, actor, kind, "
                       "message, data) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {actor.workspaceId, SqlValue::id(event.releaseId), SqlValue::id(actor.accountId),
         event.actor, event.kind, event.message,
         event.data.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                              : SqlValue::json(event.data)});
    if (!inserted)
        return inserted.error();
    return inserted->lastInsertId().toLongLong();
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
                       query->value(4).toString(), query->value(5).toString(),
                       query->value(6).toString(), SqlValue::jsonFrom(query->value(7)),
                       SqlTime::fromColumn(query->value(8))});
    return events;
}

Result<QList<Event>> EventStore::listSince(qint64 workspaceId, qint64 afterId, int limit)
{
    return select(columns + QStringLiteral(" AND id > ? ORDER BY id LIMIT ?"),
                  {workspaceId, afterId, std::max(1, limit)});
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
    if (filter.beforeId != 0) {
        sql += QStringLiteral(" AND id < ?");
        values.append(filter.beforeId);
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values.append(std::max(1, filter.limit));
    return select(sql, values);
}

} // namespace ReleaseDeck
