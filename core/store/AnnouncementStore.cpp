#include "AnnouncementStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"

namespace ReleaseDeck {

namespace {

const QString columns = QStringLiteral(
    "SELECT id, workspace_id, release_id, dedupe_key, kind, body, status, attempts, "
    "next_attempt_at, last_error, channel_id, message_ts, first_attempt_at, claim_owner, "
    "claim_token, claim_expires_at, sent_at, created_at FROM announcements WHERE ");

Announcement fromRow(const QSqlQuery& q)
{
    Announcement a;
    a.id = q.value(0).toLongLong();
    a.workspaceId = q.value(1).toLongLong();
    a.releaseId = q.value(2).toLongLong();
    a.dedupeKey = q.value(3).toString();
    a.kind = q.value(4).toString();
    a.body = q.value(5).toString();
    a.status =
        announcementStatusFromText(q.value(6).toString()).value_or(AnnouncementStatus::Pending);
    a.attempts = q.value(7).toInt();
    a.nextAttemptAt = SqlTime::fromColumn(q.value(8));
    a.lastError = q.value(9).toString();
    a.channelId = q.value(10).toString();
    a.messageTs = q.value(11).toString();
    a.firstAttemptAt = SqlTime::fromColumn(q.value(12));
    a.claimOwner = q.value(13).toString();
    a.claimToken = q.value(14).toString();
    a.claimExpiresAt = SqlTime::fromColumn(q.value(15));
    a.sentAt = SqlTime::fromColumn(q.value(16));
    a.createdAt = SqlTime::fromColumn(q.value(17));
    return a;
}

} // namespace

AnnouncementStore::AnnouncementStore(Database& database)
    : m_database(database)
{}

Result<QList<Announcement>> AnnouncementStore::select(const QString& where,
                                                      const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(columns + where, values);
    if (!query)
        return query.error();
    QList<Announcement> found;
    while (query->next())
        found.append(fromRow(*query));
    return found;
}

Result<bool> AnnouncementStore::enqueue(const Actor& actor, const Announcement& announcement)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("announce releases"));
    if (!allowed)
        return allowed.error();
    const QString now = m_database.nowSql();
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO announcements (workspace_id, release_id, dedupe_key, kind, "
                       "body, status, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ") +
            now + QStringLiteral(")"),
        {actor.workspaceId, announcement.releaseId, announcement.dedupeKey, announcement.kind,
         announcement.body, toText(announcement.status)});
    if (inserted)
        return true;
    if (inserted.error().kind == ErrorKind::Conflict)
        return false;
    return inserted.error();
}

Result<QList<Announcement>> AnnouncementStore::due(qint64 workspaceId, int limit)
{
    const QString now = m_database.nowSql();
    return select(
        QStringLiteral("workspace_id = ? AND status = 'PENDING' AND next_attempt_at <= ") + now +
            QStringLiteral(" AND (claim_token IS NULL OR claim_expires_at < ") + now +
            QStringLiteral(") ORDER BY id LIMIT ?"),
        {workspaceId, std::max(1, limit)});
}

Result<bool> AnnouncementStore::claim(const Actor& actor, qint64 id, const QString& holder,
                                      const QString& token, int seconds)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("announce releases"));
    if (!allowed)
        return allowed.error();
    const QString now = m_database.nowSql();
    Result<QSqlQuery> claimed = m_database.run(
        QStringLiteral("UPDATE announcements SET claim_owner = ?, claim_token = ?, "
                       "claim_expires_at = ") +
            m_database.nowPlusSecondsSql() +
            QStringLiteral(" WHERE workspace_id = ? AND id = ? AND status = 'PENDING' AND "
                           "next_attempt_at <= ") +
            now + QStringLiteral(" AND (claim_token IS NULL OR claim_expires_at < ") + now +
            QStringLiteral(")"),
        {holder, token, m_database.secondsValue(seconds), actor.workspaceId, id});
    if (!claimed)
        return claimed.error();
    return claimed->numRowsAffected() == 1;
}

Result<bool> AnnouncementStore::markAttempt(const Actor& actor, const Announcement& announcement)
{
    const QString now = m_database.nowSql();
    Result<QSqlQuery> marked = m_database.run(
        QStringLiteral("UPDATE announcements SET first_attempt_at = COALESCE(first_attempt_at, ") +
            now +
            QStringLiteral(") WHERE workspace_id = ? AND id = ? AND claim_token = ? AND "
                           "claim_expires_at > ") +
            now,
        {actor.workspaceId, announcement.id, announcement.claimToken});
    if (!marked)
        return marked.error();
    return marked->numRowsAffected() == 1;
}

Result<bool> AnnouncementStore::finishClaimed(const Actor& actor, const Announcement& announcement,
                                              int nextAttemptInSeconds)
{
    const QString now = m_database.nowSql();
    QVariantList values = {toText(announcement.status), announcement.attempts};
    QString next = QStringLiteral("NULL");
    if (nextAttemptInSeconds >= 0) {
        next = m_database.nowPlusSecondsSql();
        values.append(m_database.secondsValue(nextAttemptInSeconds));
    }
    values << SqlValue::text(announcement.lastError) << SqlValue::text(announcement.channelId)
           << SqlValue::text(announcement.messageTs) << actor.workspaceId << announcement.id
           << announcement.claimToken;
    const bool sent = announcement.status == AnnouncementStatus::Sent;
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE announcements SET status = ?, attempts = ?, next_attempt_at = ") +
            next + QStringLiteral(", last_error = ?, channel_id = ?, message_ts = ?, sent_at = ") +
            (sent ? now : QStringLiteral("NULL")) +
            QStringLiteral(", claim_owner = NULL, claim_token = NULL, claim_expires_at = NULL "
                           "WHERE workspace_id = ? AND id = ? AND claim_token = ? AND "
                           "claim_expires_at > ") +
            now,
        values);
    if (!updated)
        return updated.error();
    return updated->numRowsAffected() == 1;
}

Status AnnouncementStore::dropClaimsOfOthers(const Actor& actor, const QString& holder)
{
    Result<QSqlQuery> dropped = m_database.run(
        QStringLiteral("UPDATE announcements SET claim_owner = NULL, claim_token = NULL, "
                       "claim_expires_at = NULL WHERE workspace_id = ? AND claim_token IS NOT "
                       "NULL AND claim_owner <> ?"),
        {actor.workspaceId, holder});
    if (!dropped)
        return dropped.error();
    return {};
}

Result<std::optional<Announcement>> AnnouncementStore::findById(qint64 workspaceId, qint64 id)
{
    Result<QList<Announcement>> found =
        select(QStringLiteral("workspace_id = ? AND id = ?"), {workspaceId, id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Announcement>();
    return std::optional<Announcement>(found->constFirst());
}

Result<QList<Announcement>> AnnouncementStore::listForRelease(qint64 workspaceId, qint64 releaseId)
{
    return select(QStringLiteral("workspace_id = ? AND release_id = ? ORDER BY id"),
                  {workspaceId, releaseId});
}

} // namespace ReleaseDeck
