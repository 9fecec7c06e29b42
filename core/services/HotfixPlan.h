#pragma once

#include "Result.h"
#include "model/Release.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ReleaseDeck {

class Database;

// What a hotfix of a release would be, before it is created: the rules of
// `release create VERSION --hotfix-of FIXED` and of the app's "Create hotfix", read once.
// A hotfix fixes a COMPLETED release; its branch starts from that release's tag (not the
// moving base branch), its version is a patch above it (1.4.0 → 1.4.1), it has one
// regression cycle unless slots are given, and its notes run from the fixed tag. When a
// newer release has completed since, the hotfix needs confirmation (--force).
struct HotfixPlan
{
    Q_DECLARE_TR_FUNCTIONS(HotfixPlan)

public:
    Release fixed;
    QString suggestedVersion; // the next patch version no release has yet
    QString fromRef;          // where the hotfix branch starts: the fixed release's tag
    QString newerRelease;     // the newest completed release above fixed; empty: none

    bool needsConfirmation() const { return !newerRelease.isEmpty(); }
    // Empty when version may fix this release; one sentence otherwise.
    QString versionProblem(const QString& version) const;

    // Usage errors when there is no such release or it is not completed.
    static Result<HotfixPlan> of(Database& database, qint64 workspaceId,
                                 const QString& fixedVersion);
    // The same from the workspace's releases as already read (the New release dialog).
    static Result<HotfixPlan> from(const QList<Release>& releases, const QString& fixedVersion);
};

} // namespace ReleaseDeck
