#pragma once

#include "HotfixPlan.h"
#include "ReleaseDetail.h"
#include "ReleaseDraft.h"
#include "Result.h"
#include "model/Actor.h"

#include <QList>

namespace ReleaseDeck {

class Database;
class ReleaseProgression;

// Creating and reading releases: the rules the CLI and the app share. A release is
// created PENDING with its regression slots and its KICKOFF tasks planned at once, in one
// transaction; the orchestrator kicks it off at its kickoff time. Synchronous (database
// only): a worker thread or the CLI's main thread, never the GUI thread.
class ReleaseService
{
public:
    // actorName is what the events say ("ana@laptop").
    ReleaseService(Database& database, QString actorName);

    // One clear error and nothing saved for a version that is not MAJOR.MINOR.PATCH
    // (optionally -suffix), a duplicate version, a slot in the past, before kickoff or
    // after the target, a base branch git would refuse, an unknown train, a hotfix that
    // breaks HotfixPlan's rules (Conflict when it needs --force).
    Result<Release> create(const Actor& actor, const ReleaseDraft& draft);
    // The same inside the caller's transaction: the events stay in progression, for the
    // caller to add its own and flush them last (the release train scheduler).
    Result<Release> createWithin(const Actor& actor, const ReleaseDraft& draft,
                                 ReleaseProgression& progression);
    // What a hotfix of fixedVersion would be (the app's "Create hotfix" asks first).
    Result<HotfixPlan> planHotfix(const Actor& actor, const QString& fixedVersion);
    // The active releases (not completed, cancelled or archived) unless all; newest first.
    Result<QList<Release>> list(const Actor& actor, bool all);
    Result<Release> find(const Actor& actor, const QString& version);
    Result<ReleaseDetail> detail(const Actor& actor, qint64 releaseId);

private:
    Database& m_database;
    QString m_actorName;
};

} // namespace ReleaseDeck
