#include "AnnouncementStore.h"

#include "Permission.h"
#include "WorkClaims.h"
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
    return select(
        QStringLiteral("workspace_id = ? AND status = 'PENDING' AND next_attempt_at <= ") +
            m_database.nowSql() + QStringLiteral(" AND ") +
            WorkClaims(m_database, QStringLiteral("announcements")).unclaimed() +
            QStringLiteral(" ORDER BY id LIMIT ?"),
        {workspaceId, std::max(1, limit)});
}

Result<bool> AnnouncementStore::claim(const Actor& actor, qint64 id, const QString& holder,
                                      const QString& token, int seconds)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("announce releases"));
    if (!allowed)
        return allowed.error();
    return WorkClaims(m_database, QStringLiteral("announcements"))
        .claim(actor, id, holder, token, seconds,
               QStringLiteral("status = 'PENDING' AND next_attempt_at <= ") + m_database.nowSql(),
               {});
}

Result<bool> AnnouncementStore::markAttempt(const Actor& actor, const Announcement& announcement)
{
    return WorkClaims(m_database, QStringLiteral("announcements"))
        .updateWhileHeld(actor, announcement.id, announcement.claimToken,
                         QStringLiteral("first_attempt_at = COALESCE(first_attempt_at, ") +
                             m_database.nowSql() + QStringLiteral(")"),
                         {});
}

Result<bool> AnnouncementStore::finishClaimed(const Actor& actor, const Announcement& announcement,
                                              int nextAttemptInSeconds)
{
    QVariantList values = {toText(announcement.status), announcement.attempts};
    QString next = QStringLiteral("NULL");
    if (nextAttemptInSeconds >= 0) {
        next = m_database.nowPlusSecondsSql();
        values.append(m_database.secondsValue(nextAttemptInSeconds));
    }
    values << SqlValue::text(announcement.lastError) << SqlValue::text(announcement.channelId)
           << SqlValue::text(announcement.messageTs);
    const bool sent = announcement.status == AnnouncementStatus::Sent;
    return WorkClaims(m_database, QStringLiteral("announcements"))
        .updateWhileHeld(actor, announcement.id, announcement.claimToken,
                         QStringLiteral("status = ?, attempts = ?, next_attempt_at = ") + next +
                             QStringLiteral(", last_error = ?, channel_id = ?, message_ts = ?, "
                                            "sent_at = ") +
                             (sent ? m_database.nowSql() : QStringLiteral("NULL")) +
                             QStringLiteral(", ") + WorkClaims::released(),
                         values);
}

Status AnnouncementStore::renewClaims(const Actor& actor, const QString& holder,
                                      const QList<qint64>& ids, int seconds)
{
    return WorkClaims(m_database, QStringLiteral("announcements"))
        .renew(actor, holder, ids, seconds);
}

Status AnnouncementStore::dropClaimsOfOthers(const Actor& actor, const QString& holder)
{
    return WorkClaims(m_database, QStringLiteral("announcements")).dropOthers(actor, holder);
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
