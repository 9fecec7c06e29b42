#include "SandboxStore.h"

#include "db/Database.h"
#include "db/SqlTime.h"

namespace ReleaseDeck {

namespace {

QString kindText(SandboxStore::RefKind kind)
{
    return kind == SandboxStore::RefKind::Branch ? QStringLiteral("BRANCH") : QStringLiteral("TAG");
}

QString rehearsalColumn(SandboxRehearsal rehearsal)
{
    return rehearsal == SandboxRehearsal::FailNextCiRun ? QStringLiteral("fail_next_ci")
                                                        : QStringLiteral("chat_invalid_auth");
}

// Labels are stored between commas, so one is found with LIKE '%,label,%'.
QString labelText(const QStringList& labels)
{
    return QLatin1Char(',') + labels.join(QLatin1Char(',')) + QLatin1Char(',');
}

} // namespace

SandboxStore::SandboxStore(Database& database)
    : m_database(database)
{}

QString SandboxStore::readyState()
{
    return QStringLiteral("Done");
}

Error SandboxStore::withoutDatabase()
{
    return Error::unavailable(
        QStringLiteral("The sandbox's simulated services keep their state in the database, and "
                       "none was given."));
}

Status SandboxStore::createState(qint64 workspaceId, int timeScale)
{
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO sandbox_states (workspace_id, time_scale) VALUES (?, ?)"),
        {workspaceId, std::max(1, timeScale)});
    return inserted ? Status() : Status(inserted.error());
}

Result<std::optional<SandboxState>> SandboxStore::state(qint64 workspaceId)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT time_scale, fail_next_ci, chat_invalid_auth FROM sandbox_states "
                       "WHERE workspace_id = ?"),
        {workspaceId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<SandboxState>();
    SandboxState state;
    state.timeScale = std::max(1, query->value(0).toInt());
    state.failNextCi = query->value(1).toBool();
    state.chatInvalidAuth = query->value(2).toBool();
    return std::optional<SandboxState>(state);
}

Status SandboxStore::setRehearsal(qint64 workspaceId, SandboxRehearsal rehearsal, bool on)
{
    Result<QSqlQuery> updated =
        m_database.run(QStringLiteral("UPDATE sandbox_states SET %1 = ? WHERE workspace_id = ?")
                           .arg(rehearsalColumn(rehearsal)),
                       {on ? 1 : 0, workspaceId});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() < 1) {
        // Setting what is already set changes no row on MariaDB: look before refusing.
        Result<std::optional<SandboxState>> current = state(workspaceId);
        if (!current)
            return current.error();
        if (!current->has_value())
            return Error::notFound(QStringLiteral("This workspace is not a sandbox."));
    }
    return {};
}

Result<bool> SandboxStore::takeRehearsal(qint64 workspaceId, SandboxRehearsal rehearsal)
{
    const QString column = rehearsalColumn(rehearsal);
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE sandbox_states SET %1 = 0 WHERE workspace_id = ? AND %1 = 1")
            .arg(column),
        {workspaceId});
    if (!updated)
        return updated.error();
    return updated->numRowsAffected() > 0;
}

Result<int> SandboxStore::scaled(qint64 workspaceId, int seconds)
{
    Result<std::optional<SandboxState>> current = state(workspaceId);
    if (!current)
        return current.error();
    const int scale = current->has_value() ? (*current)->timeScale : 1;
    return std::max(1, seconds / scale);
}

Result<std::optional<QString>> SandboxStore::refCommit(qint64 workspaceId, RefKind kind,
                                                       const QString& name)
{
    Result<QSqlQuery> query =
        m_database.run(QStringLiteral("SELECT commit_sha FROM sandbox_refs WHERE workspace_id = ? "
                                      "AND kind = ? AND name = ?"),
                       {workspaceId, kindText(kind), name});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<QString>();
    return std::optional<QString>(query->value(0).toString());
}

Result<QList<ScmBranch>> SandboxStore::branches(qint64 workspaceId)
{
    Result<QSqlQuery> query =
        m_database.run(QStringLiteral("SELECT name, commit_sha FROM sandbox_refs WHERE "
                                      "workspace_id = ? AND kind = 'BRANCH' ORDER BY name"),
                       {workspaceId});
    if (!query)
        return query.error();
    QList<ScmBranch> found;
    while (query->next())
        found.append({query->value(0).toString(), query->value(1).toString()});
    return found;
}

Result<QList<ScmTag>> SandboxStore::tags(qint64 workspaceId)
{
    Result<QSqlQuery> query =
        m_database.run(QStringLiteral("SELECT name, commit_sha FROM sandbox_refs WHERE "
                                      "workspace_id = ? AND kind = 'TAG' ORDER BY id"),
                       {workspaceId});
    if (!query)
        return query.error();
    QList<ScmTag> found;
    while (query->next())
        found.append({query->value(0).toString(), query->value(1).toString()});
    return found;
}

Status SandboxStore::addRef(qint64 workspaceId, RefKind kind, const QString& name,
                            const QString& commitSha)
{
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral(
            "INSERT INTO sandbox_refs (workspace_id, kind, name, commit_sha) VALUES (?, ?, ?, ?)"),
        {workspaceId, kindText(kind), name, commitSha});
    return inserted ? Status() : Status(inserted.error());
}

Result<std::optional<ScmRelease>> SandboxStore::release(qint64 workspaceId, const QString& tag)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id, tag, name FROM sandbox_releases WHERE workspace_id = ? AND "
                       "tag = ?"),
        {workspaceId, tag});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<ScmRelease>();
    ScmRelease found;
    found.id = query->value(0).toString();
    found.tag = query->value(1).toString();
    found.name = query->value(2).toString();
    return std::optional<ScmRelease>(found);
}

Status SandboxStore::addRelease(qint64 workspaceId, const ScmRelease& release, const QString& notes)
{
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral(
            "INSERT INTO sandbox_releases (workspace_id, tag, name, notes) VALUES (?, ?, ?, ?)"),
        // Empty, never NULL: a release may have no name or notes.
        {workspaceId, release.tag, release.name.isNull() ? QStringLiteral("") : release.name,
         notes.isNull() ? QStringLiteral("") : notes});
    return inserted ? Status() : Status(inserted.error());
}

Result<QList<SandboxMessage>> SandboxStore::selectMessages(const QString& where,
                                                           const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id, channel_id, body, marker, posted_at FROM sandbox_messages "
                       "WHERE ") +
            where,
        values);
    if (!query)
        return query.error();
    QList<SandboxMessage> found;
    while (query->next())
        found.append({query->value(0).toLongLong(), query->value(1).toString(),
                      query->value(2).toString(), query->value(3).toString(),
                      SqlTime::fromColumn(query->value(4))});
    return found;
}

Result<SandboxMessage> SandboxStore::addMessage(qint64 workspaceId, const QString& channelId,
                                                const QString& body, const QString& marker)
{
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO sandbox_messages (workspace_id, channel_id, body, marker) "
                       "VALUES (?, ?, ?, ?)"),
        {workspaceId, channelId, body, marker.isEmpty() ? QVariant() : QVariant(marker)});
    if (!inserted)
        return inserted.error();
    Result<QList<SandboxMessage>> found =
        selectMessages(QStringLiteral("workspace_id = ? AND id = ?"),
                       {workspaceId, inserted->lastInsertId().toLongLong()});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::internal(QStringLiteral("The simulated message was not kept."));
    return found->constFirst();
}

Result<std::optional<SandboxMessage>> SandboxStore::findMessage(qint64 workspaceId,
                                                                const QString& channelId,
                                                                const QString& marker,
                                                                const QDateTime& since)
{
    Result<QList<SandboxMessage>> found =
        selectMessages(QStringLiteral("workspace_id = ? AND channel_id = ? AND marker = ? AND "
                                      "posted_at >= ? ORDER BY id DESC"),
                       {workspaceId, channelId, marker, SqlTime::toColumn(since)});
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<SandboxMessage>()
                            : std::optional<SandboxMessage>(found->constFirst());
}

Result<QList<SandboxMessage>> SandboxStore::messages(qint64 workspaceId)
{
    return selectMessages(QStringLiteral("workspace_id = ? ORDER BY id"), {workspaceId});
}

Result<QList<SandboxTicket>> SandboxStore::selectTickets(const QString& where,
                                                         const QVariantList& values)
{
    QVariantList bound{readyState()};
    bound += values;
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id, ticket_key, project_key, summary, labels, CASE WHEN ready_at "
                       "<= %1 THEN ? ELSE status END, ready_at, created_at FROM sandbox_tickets "
                       "WHERE ")
                .arg(m_database.nowSql()) +
            where,
        bound);
    if (!query)
        return query.error();
    QList<SandboxTicket> found;
    while (query->next()) {
        SandboxTicket ticket;
        ticket.id = query->value(0).toLongLong();
        ticket.key = query->value(1).toString();
        ticket.projectKey = query->value(2).toString();
        ticket.summary = query->value(3).toString();
        ticket.labels = query->value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        ticket.status = query->value(5).toString();
        ticket.readyAt = SqlTime::fromColumn(query->value(6));
        ticket.createdAt = SqlTime::fromColumn(query->value(7));
        found.append(ticket);
    }
    return found;
}

Result<SandboxTicket> SandboxStore::addTicket(qint64 workspaceId, const QString& projectKey,
                                              const QString& summary, const QStringList& labels,
                                              int readyInSeconds)
{
    Result<QSqlQuery> counted = m_database.run(
        QStringLiteral(
            "SELECT COUNT(*) FROM sandbox_tickets WHERE workspace_id = ? AND project_key = ?"),
        {workspaceId, projectKey});
    if (!counted)
        return counted.error();
    const qint64 number = counted->next() ? counted->value(0).toLongLong() + 1 : 1;
    const QString key = QStringLiteral("%1-%2").arg(projectKey).arg(number);
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO sandbox_tickets (workspace_id, ticket_key, project_key, "
                       "summary, labels, status, ready_at) VALUES (?, ?, ?, ?, ?, ?, ") +
            m_database.nowPlusSecondsSql() + QLatin1Char(')'),
        {workspaceId, key, projectKey, summary, labelText(labels), QStringLiteral("To Do"),
         m_database.secondsValue(readyInSeconds)});
    if (!inserted)
        return inserted.error();
    Result<std::optional<SandboxTicket>> found = ticket(workspaceId, key);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::internal(QStringLiteral("The simulated ticket was not kept."));
    return **found;
}

Result<std::optional<SandboxTicket>>
SandboxStore::findTicket(qint64 workspaceId, const QString& projectKey, const QString& label)
{
    Result<QList<SandboxTicket>> found = selectTickets(
        QStringLiteral("workspace_id = ? AND project_key = ? AND labels LIKE ? ORDER BY id"),
        {workspaceId, projectKey, QString(QStringLiteral("%,") + label + QStringLiteral(",%"))});
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<SandboxTicket>()
                            : std::optional<SandboxTicket>(found->constFirst());
}

Result<std::optional<SandboxTicket>> SandboxStore::ticket(qint64 workspaceId, const QString& key)
{
    Result<QList<SandboxTicket>> found =
        selectTickets(QStringLiteral("workspace_id = ? AND ticket_key = ?"), {workspaceId, key});
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<SandboxTicket>()
                            : std::optional<SandboxTicket>(found->constFirst());
}

Status SandboxStore::makeReady(qint64 workspaceId, const QString& key)
{
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE sandbox_tickets SET status = ?, ready_at = ") + m_database.nowSql() +
            QStringLiteral(" WHERE workspace_id = ? AND ticket_key = ?"),
        {readyState(), workspaceId, key});
    return updated ? Status() : Status(updated.error());
}

Result<QList<SandboxTicket>> SandboxStore::tickets(qint64 workspaceId)
{
    return selectTickets(QStringLiteral("workspace_id = ? ORDER BY id"), {workspaceId});
}

Result<QList<SandboxRun>> SandboxStore::selectRuns(const QString& where, const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id, workflow, ref, marker, CASE WHEN finishes_at <= %1 THEN 1 ELSE "
                       "0 END, fails, log, finishes_at, created_at FROM sandbox_runs WHERE ")
                .arg(m_database.nowSql()) +
            where,
        values);
    if (!query)
        return query.error();
    QList<SandboxRun> found;
    while (query->next()) {
        SandboxRun run;
        run.id = query->value(0).toLongLong();
        run.workflow = query->value(1).toString();
        run.ref = query->value(2).toString();
        run.marker = query->value(3).toString();
        run.finished = query->value(4).toInt() == 1;
        run.fails = query->value(5).toBool();
        run.log = query->value(6).toString();
        run.finishesAt = SqlTime::fromColumn(query->value(7));
        run.createdAt = SqlTime::fromColumn(query->value(8));
        found.append(run);
    }
    return found;
}

Result<SandboxRun> SandboxStore::addRun(qint64 workspaceId, const SandboxRun& run, int seconds)
{
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO sandbox_runs (workspace_id, workflow, ref, marker, fails, "
                       "log, finishes_at) VALUES (?, ?, ?, ?, ?, ?, ") +
            m_database.nowPlusSecondsSql() + QLatin1Char(')'),
        {workspaceId, run.workflow, run.ref,
         run.marker.isEmpty() ? QVariant() : QVariant(run.marker), run.fails ? 1 : 0, run.log,
         m_database.secondsValue(seconds)});
    if (!inserted)
        return inserted.error();
    Result<std::optional<SandboxRun>> found =
        this->run(workspaceId, inserted->lastInsertId().toLongLong());
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::internal(QStringLiteral("The simulated CI run was not kept."));
    return **found;
}

Result<std::optional<SandboxRun>> SandboxStore::run(qint64 workspaceId, qint64 runId)
{
    Result<QList<SandboxRun>> found =
        selectRuns(QStringLiteral("workspace_id = ? AND id = ?"), {workspaceId, runId});
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<SandboxRun>()
                            : std::optional<SandboxRun>(found->constFirst());
}

Result<std::optional<SandboxRun>> SandboxStore::findRun(qint64 workspaceId, const QString& marker,
                                                        const QDateTime& since)
{
    Result<QList<SandboxRun>> found = selectRuns(
        QStringLiteral("workspace_id = ? AND marker = ? AND created_at >= ? ORDER BY id DESC"),
        {workspaceId, marker, SqlTime::toColumn(since)});
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<SandboxRun>()
                            : std::optional<SandboxRun>(found->constFirst());
}

Result<QList<SandboxRun>> SandboxStore::runs(qint64 workspaceId)
{
    return selectRuns(QStringLiteral("workspace_id = ? ORDER BY id"), {workspaceId});
}

} // namespace ReleaseDeck
