#include "TaskExecutor.h"

#include "CiTasks.h"
#include "IssueTasks.h"
#include "ScmTasks.h"
#include "TaskCatalog.h"
#include "providers/ProviderRegistry.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TaskExecutor", text);
}

} // namespace

TaskExecutor::TaskExecutor(const ProviderRegistry& registry, HttpSettings settings,
                           Database* database)
    : m_registry(registry)
    , m_http(settings)
    , m_database(database)
{}

int TaskExecutor::backoff(int baseSeconds, int step)
{
    qint64 seconds = std::max(1, baseSeconds);
    for (int i = 0; i < step && seconds < MaxWaitSeconds; ++i)
        seconds *= 2;
    return int(std::min<qint64>(seconds, MaxWaitSeconds));
}

TaskOutcome TaskExecutor::fromError(const Error& error, const TaskJob& job)
{
    const int attempt = job.task.attempts + 1;
    if (!error.isTransient())
        return TaskOutcome::failed(error.message);
    if (attempt >= MaxAttempts)
        return TaskOutcome::failed(
            tr("%1 Gave up after %2 attempts.").arg(error.message).arg(attempt));
    TaskOutcome outcome;
    outcome.kind = TaskOutcome::Kind::Retry;
    outcome.waitSeconds = backoff(job.pollBaseSeconds, attempt - 1);
    if (error.kind == ErrorKind::RateLimited && error.retryAt.isValid()) {
        const qint64 until = QDateTime::currentDateTimeUtc().secsTo(error.retryAt);
        outcome.waitSeconds = int(std::clamp<qint64>(until, 1, 3600));
    }
    outcome.note = tr("%1 Retry %2 of %3 in %4 s.")
                       .arg(error.message)
                       .arg(attempt + 1)
                       .arg(MaxAttempts)
                       .arg(outcome.waitSeconds);
    outcome.externalData = job.task.externalData;
    return outcome;
}

TaskOutcome TaskExecutor::run(const TaskJob& job, const TaskCheckpoint& checkpoint) const
{
    const TaskTraits traits = TaskCatalog::traits(job.task.type);
    if (!traits.category)
        return TaskOutcome::failed(
            tr("%1 has no connection to run it.").arg(toText(job.task.type)));
    const auto connection = job.connections.constFind(*traits.category);
    if (connection == job.connections.cend())
        return TaskOutcome::skipped(tr("no %1 connection").arg(toText(*traits.category)));
    const QString token = job.tokens.value(connection->id);

    switch (*traits.category) {
    case ConnectionCategory::Scm: {
        auto client = m_registry.createScm(*connection, token, m_http, m_database);
        if (!client)
            return fromError(client.error(), job);
        return ScmTasks::run(job, **client);
    }
    case ConnectionCategory::Ci: {
        auto client = m_registry.createCi(*connection, token, m_http, m_database);
        if (!client)
            return fromError(client.error(), job);
        return CiTasks::run(job, **client, checkpoint);
    }
    case ConnectionCategory::Issues: {
        auto client = m_registry.createIssues(*connection, token, m_http, m_database);
        if (!client)
            return fromError(client.error(), job);
        return IssueTasks::run(job, *connection, **client, checkpoint);
    }
    case ConnectionCategory::Chat:
    case ConnectionCategory::Tests:
    case ConnectionCategory::Store:
        break;
    }
    return TaskOutcome::skipped(
        tr("Release Deck cannot talk to %1 services yet").arg(toText(*traits.category)));
}

} // namespace ReleaseDeck
