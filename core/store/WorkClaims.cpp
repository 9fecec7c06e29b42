#include "WorkClaims.h"

#include "db/Database.h"

namespace ReleaseDeck {

WorkClaims::WorkClaims(Database& database, QString table)
    : m_database(database)
    , m_table(std::move(table))
{}

QString WorkClaims::released()
{
    return QStringLiteral("claim_owner = NULL, claim_token = NULL, claim_expires_at = NULL");
}

QString WorkClaims::unclaimed(const QString& alias) const
{
    const QString prefix = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    return QStringLiteral("(%1claim_token IS NULL OR %1claim_expires_at < %2)")
        .arg(prefix, m_database.nowSql());
}

Result<bool> WorkClaims::claim(const Actor& actor, qint64 id, const QString& holder,
                               const QString& token, int seconds, const QString& available,
                               const QVariantList& availableValues, const QString& alsoSet)
{
    QVariantList values = {holder, token, m_database.secondsValue(seconds), actor.workspaceId, id};
    values += availableValues;
    Result<QSqlQuery> claimed = m_database.run(
        QStringLiteral("UPDATE %1 SET claim_owner = ?, claim_token = ?, claim_expires_at = %2%3 "
                       "WHERE workspace_id = ? AND id = ? AND %4 AND %5")
            .arg(m_table, m_database.nowPlusSecondsSql(),
                 alsoSet.isEmpty() ? QString() : QStringLiteral(", ") + alsoSet, available,
                 unclaimed()),
        values);
    if (!claimed)
        return claimed.error();
    return claimed->numRowsAffected() == 1;
}

Status WorkClaims::renew(const Actor& actor, const QString& holder, const QList<qint64>& ids,
                         int seconds)
{
    if (ids.isEmpty())
        return {};
    QStringList marks;
    QVariantList values = {m_database.secondsValue(seconds), actor.workspaceId, holder};
    for (const qint64 id : ids) {
        marks.append(QStringLiteral("?"));
        values.append(id);
    }
    Result<QSqlQuery> renewed = m_database.run(
        QStringLiteral("UPDATE %1 SET claim_expires_at = %2 WHERE workspace_id = ? AND "
                       "claim_owner = ? AND id IN (%3) AND claim_expires_at > %4")
            .arg(m_table, m_database.nowPlusSecondsSql(), marks.join(QLatin1Char(',')),
                 m_database.nowSql()),
        values);
    if (!renewed)
        return renewed.error();
    return {};
}

Status WorkClaims::dropOthers(const Actor& actor, const QString& holder)
{
    Result<QSqlQuery> dropped = m_database.run(
        QStringLiteral("UPDATE %1 SET %2 WHERE workspace_id = ? AND claim_token IS NOT NULL AND "
                       "claim_owner <> ?")
            .arg(m_table, released()),
        {actor.workspaceId, holder});
    if (!dropped)
        return dropped.error();
    return {};
}

Result<bool> WorkClaims::updateWhileHeld(const Actor& actor, qint64 id, const QString& token,
                                         const QString& set, const QVariantList& setValues)
{
    QVariantList values = setValues;
    values << actor.workspaceId << id << token;
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE %1 SET %2 WHERE workspace_id = ? AND id = ? AND claim_token = ? "
                       "AND claim_expires_at > %3")
            .arg(m_table, set, m_database.nowSql()),
        values);
    if (!updated)
        return updated.error();
    return updated->numRowsAffected() == 1;
}

} // namespace ReleaseDeck
