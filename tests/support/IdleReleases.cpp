#include "IdleReleases.h"

#include "db/SqlTime.h"
#include "db/SqlValue.h"
#include "db/Transaction.h"
#include "model/ReleaseSettings.h"

#include <QDateTime>
#include <QStringList>

namespace ReleaseDeck::Test {

namespace {

// Releases per INSERT: 11 values each stays far below SQLite's 32,766 placeholders.
constexpr int RowsPerStatement = 500;

struct Kind
{
    const char* status;
    const char* pauseReason;
    const char* stage;
};

// The five idle kinds, in the order add() takes them.
constexpr Kind Kinds[] = {
    {"PENDING", "NONE", "KICKOFF"},     {"IN_PROGRESS", "NONE", "REGRESSION"},
    {"IN_PROGRESS", "NONE", "KICKOFF"}, {"PAUSED", "AWAITING_STAGE_TRIGGER", "REGRESSION"},
    {"COMPLETED", "NONE", "DONE"},
};

struct Seeder
{
    Database& database;
    qint64 workspaceId;
    qint64 afterId; // releases with a larger id are the new ones
    QString* error;

    bool run(const QString& sql, const QVariantList& values)
    {
        Result<QSqlQuery> done = database.run(sql, values);
        if (!done)
            *error = done.error().message;
        return done.ok();
    }

    // One task for every new release of that status and stage.
    bool tasks(const Kind& kind, const char* taskStage, const char* type, const char* status,
               const QVariant& nextAttemptAt)
    {
        return run(QStringLiteral("INSERT INTO tasks (workspace_id, release_id, stage, task_type, "
                                  "cycle_number, status, attempts, next_attempt_at) SELECT "
                                  "workspace_id, id, ?, ?, 0, ?, 1, ? FROM releases WHERE "
                                  "workspace_id = ? AND id > ? AND status = ? AND stage = ?"),
                   {QString::fromLatin1(taskStage), QString::fromLatin1(type),
                    QString::fromLatin1(status), nextAttemptAt, workspaceId, afterId,
                    QString::fromLatin1(kind.status), QString::fromLatin1(kind.stage)});
    }
};

} // namespace

bool IdleReleases::add(Database& database, qint64 workspaceId, qint64 accountId, int first,
                       int count, QString* error)
{
    Transaction transaction(database);
    if (!transaction.begun()) {
        *error = transaction.begun().error().message;
        return false;
    }
    Result<QSqlQuery> last = database.run(
        QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM releases WHERE workspace_id = ?"),
        {workspaceId});
    if (!last || !last->next()) {
        *error = last ? QStringLiteral("no MAX(id)") : last.error().message;
        return false;
    }
    Seeder seed{database, workspaceId, last->value(0).toLongLong(), error};

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QVariant tomorrow = SqlTime::toColumn(now.addDays(1));
    const QVariant inAnHour = SqlTime::toColumn(now.addSecs(3600));
    const QVariant settings = SqlValue::json(ReleaseSettings().toJson());
    for (int start = 0; start < count; start += RowsPerStatement) {
        const int rows = std::min(RowsPerStatement, count - start);
        QStringList marks;
        QVariantList values;
        for (int i = start; i < start + rows; ++i) {
            const int number = first + i;
            const Kind& kind = Kinds[number % 5];
            const QString version = QStringLiteral("%1.%2.0").arg(100 + number % 5).arg(number);
            marks.append(QStringLiteral("(?, ?, 'main', ?, ?, ?, ?, ?, ?, 'ANDROID,IOS', ?)"));
            values << workspaceId << version << QString(QStringLiteral("release/") + version)
                   << QString::fromLatin1(kind.status) << QString::fromLatin1(kind.pauseReason)
                   << QString::fromLatin1(kind.stage)
                   << (number % 5 == 0 ? tomorrow : SqlTime::toColumn(now.addDays(-1))) << accountId
                   << settings;
        }
        if (!seed.run(QStringLiteral("INSERT INTO releases (workspace_id, version, base_branch, "
                                     "release_branch, status, pause_reason, stage, kickoff_at, "
                                     "created_by, platforms, settings) VALUES ") +
                          marks.join(QStringLiteral(", ")),
                      values))
            return false;
    }

    const QVariant none(QMetaType::fromType<QString>());
    const Kind& pending = Kinds[0];
    const Kind& awaitingSlot = Kinds[1];
    const Kind& polling = Kinds[2];
    const Kind& paused = Kinds[3];
    const Kind& completed = Kinds[4];
    const bool planted =
        // Kickoff tomorrow: its tasks wait for it.
        seed.tasks(pending, "KICKOFF", "FORK_BRANCH", "PENDING", tomorrow) &&
        seed.tasks(pending, "KICKOFF", "TRIGGER_PRE_REGRESSION_BUILDS", "PENDING", none) &&
        // Kickoff done, the first slot tomorrow.
        seed.tasks(awaitingSlot, "KICKOFF", "FORK_BRANCH", "COMPLETED", none) &&
        seed.run(QStringLiteral("INSERT INTO regression_slots (workspace_id, release_id, slot_at) "
                                "SELECT workspace_id, id, ? FROM releases WHERE workspace_id = ? "
                                "AND id > ? AND status = ? AND stage = ?"),
                 {tomorrow, workspaceId, seed.afterId, QString::fromLatin1(awaitingSlot.status),
                  QString::fromLatin1(awaitingSlot.stage)}) &&
        // A CI run polled again in an hour.
        seed.tasks(polling, "KICKOFF", "FORK_BRANCH", "COMPLETED", none) &&
        seed.tasks(polling, "KICKOFF", "TRIGGER_PRE_REGRESSION_BUILDS", "AWAITING_EXTERNAL",
                   inAnHour) &&
        // Waiting for people to approve regression.
        seed.tasks(paused, "KICKOFF", "FORK_BRANCH", "COMPLETED", none) &&
        seed.tasks(paused, "PRE_RELEASE", "CREATE_RELEASE_TAG", "PENDING", none) &&
        // Done long ago.
        seed.tasks(completed, "KICKOFF", "FORK_BRANCH", "COMPLETED", none) &&
        seed.tasks(completed, "PRE_RELEASE", "CREATE_RELEASE_TAG", "COMPLETED", none) &&
        seed.run(QStringLiteral("INSERT INTO announcements (workspace_id, release_id, dedupe_key, "
                                "kind, body, status) SELECT workspace_id, id, ") +
                     (database.dialect() == Dialect::Sqlite
                          ? QStringLiteral("'release-' || id || '-completed'")
                          : QStringLiteral("CONCAT('release-', id, '-completed')")) +
                     QStringLiteral(", 'completed', 'Released.', 'SENT' FROM releases WHERE "
                                    "workspace_id = ? AND id > ? AND status = ?"),
                 {workspaceId, seed.afterId, QString::fromLatin1(completed.status)});
    if (!planted)
        return false;
    if (Status committed = transaction.commit(); !committed) {
        *error = committed.error().message;
        return false;
    }
    return true;
}

} // namespace ReleaseDeck::Test
