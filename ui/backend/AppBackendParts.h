#pragma once

// AppBackend's own parts, shared by the files that implement it by concern
// (AppBackend.cpp: the database session and the wizard; AppBackendConnections.cpp:
// connections, workspaces, members and activity; AppBackendReleases.cpp: releases and
// trains; AppBackendSandbox.cpp). Not for other code.

#include "AppBackend.h"
#include "backend/FutureReply.h"
#include "backend/OrchestratorThread.h"
#include "backend/ReleaseFeed.h"
#include "backend/ReleaseSession.h"
#include "db/Database.h"
#include "services/TrainService.h"

#include <QtConcurrent>

#include <type_traits>

namespace ReleaseDeck {

namespace AppBackendParts {

inline const QString DatabaseUrlKey = QStringLiteral("database/url");

inline Error shuttingDown()
{
    return Error::unavailable(QStringLiteral("Release Deck is shutting down."));
}

// What a task answers when it is not run because the backend stopped.
template<typename T>
T stoppedAnswer()
{
    if constexpr (std::is_same_v<T, BackendStatus>) {
        BackendStatus status;
        status.databaseReachable = false;
        status.databaseError = shuttingDown().message;
        return status;
    } else if constexpr (std::is_same_v<T, VerificationOutcome>) {
        VerificationOutcome outcome;
        outcome.error = shuttingDown().message;
        outcome.errorKind = ErrorKind::Unavailable;
        return outcome;
    } else {
        return T(shuttingDown());
    }
}

inline Error noKeychain()
{
    return Error::unavailable(QStringLiteral("No keychain is available: start or unlock your "
                                             "desktop keyring and try again."));
}

// The workspaces the account is a member of, with its role in each.
Result<QList<WorkspaceSummary>> workspacesOf(Database& database, qint64 accountId);

} // namespace AppBackendParts

struct AppBackend::Session
{
    std::unique_ptr<Database> database;
    qint64 accountId = 0;
    QString login;
};

template<typename Work>
auto AppBackend::run(Work work) -> QFuture<decltype(work())>
{
    using Answer = decltype(work());
    return QtConcurrent::run(&m_pool, [this, work = std::move(work)]() mutable -> Answer {
        if (m_stop.stop_requested())
            return AppBackendParts::stoppedAnswer<Answer>();
        return work();
    });
}

template<typename Answer, typename Work>
QFuture<Answer> AppBackend::withReleases(qint64 workspaceId, Work work)
{
    return run([this, workspaceId, work = std::move(work)]() -> Answer {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        if (!m_secrets)
            return AppBackendParts::noKeychain();
        ReleaseSession releases(*(*current)->database, {workspaceId, (*current)->accountId},
                                (*current)->login, *m_secrets, m_http);
        return work(releases);
    });
}

template<typename Answer, typename Work>
QFuture<Answer> AppBackend::withTrains(qint64 workspaceId, Work work)
{
    return run([this, workspaceId, work = std::move(work)]() -> Answer {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        TrainService service(*(*current)->database, (*current)->login);
        return work(service, Actor{workspaceId, (*current)->accountId});
    });
}

template<typename T>
QFuture<T> AppBackend::changedHere(QFuture<T> change)
{
    whenFinished(change, m_feed.get(), [this](const T& answer) {
        if (!answer)
            return;
        m_orchestrator->tickSoon();
        m_feed->pollNow();
    });
    return change;
}

} // namespace ReleaseDeck
