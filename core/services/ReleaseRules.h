#pragma once

#include "ReleaseDraft.h"
#include "model/ConnectionEnums.h"
#include "model/Release.h"
#include "model/ReleaseConfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ReleaseDeck {

// What a new release may hold, field by field: each check answers one plain sentence, or
// an empty string when the value is fine. ReleaseService::create refuses a draft with the
// first problem; the New release dialog shows each field's own as it is typed.
class ReleaseRules
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseRules)

public:
    // A time given as "now" reaches the database a moment later.
    static constexpr int PastGraceSeconds = 60;

    // MAJOR.MINOR.PATCH, optionally with a -suffix; not one of taken (the workspace's).
    static QString versionProblem(const QString& version, const QStringList& taken = {});
    static QString platformsProblem(const QList<Platform>& platforms);
    // Empty is fine: the train's, else the source control's default branch.
    static QString baseBranchProblem(const QString& branch);
    // An invalid target is fine: no target.
    static QString targetProblem(const QDateTime& target, const QDateTime& kickoff);
    // A slot is due between kickoff and the target (if any), and not in the past.
    static QString slotProblem(const QDateTime& slot, const QDateTime& kickoff,
                               const QDateTime& target, const QDateTime& now);

    // The next minor version after the workspace's highest planned release ("1.5.0" after
    // 1.4.2; "0.1.0" in a workspace without releases), one no release has yet.
    static QString nextVersion(const QList<Release>& releases);
    // A train's regression slots for a release kicking off at kickoff: its offsets from
    // kickoff, with what each runs.
    static QList<SlotDraft> trainSlots(const ReleaseConfig& train, const QDateTime& kickoff);

    // "2026-12-02 14:00 UTC": how the rules' sentences name a time.
    static QString timeText(const QDateTime& time);
};

} // namespace ReleaseDeck
