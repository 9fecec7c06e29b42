#pragma once

#include "Result.h"
#include "backend/ActivityEvent.h"
#include "backend/ChoicePage.h"
#include "backend/ReleaseAction.h"
#include "model/Actor.h"
#include "model/ReleaseConfig.h"
#include "net/HttpClient.h"
#include "providers/ScmClient.h"
#include "services/HotfixPlan.h"
#include "services/ReleaseBoard.h"
#include "services/ReleaseDetail.h"

namespace ReleaseDeck {

class Database;
class SecretStore;

// What the app's ReleaseBackend does on a worker thread for one person in one workspace:
// reads through core's ReleaseBoard and ReleaseService, decisions through ReleaseActions,
// and the source control questions of the release pages with this machine's token.
// Synchronous; never on the GUI thread.
class ReleaseSession
{
public:
    // login is what events say the person did.
    ReleaseSession(Database& database, Actor actor, QString login, SecretStore& secrets,
                   HttpSettings http);

    Result<BoardSnapshot> board(int newest = 0);
    Result<BoardChanges> changesSince(qint64 afterSeq);
    Result<ReleaseDetail> detail(qint64 releaseId);
    Result<QList<ActivityEvent>> timeline(qint64 releaseId);
    Result<ScmComparison> compare(qint64 releaseId);
    Result<ChoicePage> branches();
    Result<QList<ReleaseConfig>> trains();
    Result<Release> create(const ReleaseDraft& draft);
    Result<HotfixPlan> planHotfix(const QString& fixedVersion);
    Result<Release> act(const ReleaseAction& action);

private:
    Result<std::unique_ptr<ScmClient>> sourceControl();

    Database& m_database;
    Actor m_actor;
    QString m_login;
    SecretStore& m_secrets;
    // The source control client made by sourceControl() keeps a reference to it.
    HttpClient m_http;
};

} // namespace ReleaseDeck
