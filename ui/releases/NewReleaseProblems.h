#pragma once

#include "model/Release.h"
#include "services/ReleaseDraft.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ReleaseDeck {

// What is wrong with a release draft, field by field, as the New release dialog shows it
// while it is typed: core's ReleaseRules (and HotfixPlan for a hotfix) applied to the
// workspace's releases as the dashboard last read them. The service checks again when
// the release is created; its answer decides.
struct NewReleaseProblems
{
    Q_DECLARE_TR_FUNCTIONS(NewReleaseProblems)

public:
    QString version;
    QString hotfix; // the fixed release, or the confirmation a hotfix needs
    QString platforms;
    QString baseBranch;
    QString target;
    QStringList slotProblems; // one per slot, in order; empty strings where a slot is fine

    bool none() const;

    // now: the clock the kickoff defaults to ("now" as the dialog opened is past by the
    // time the service reads it, which takes its own now then).
    static NewReleaseProblems of(const ReleaseDraft& draft, const QList<Release>& releases,
                                 const QDateTime& now);
};

} // namespace ReleaseDeck
