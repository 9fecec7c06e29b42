#include "releases/NewReleaseProblems.h"

#include "services/HotfixPlan.h"
#include "services/ReleaseRules.h"

#include <algorithm>

namespace ReleaseDeck {

bool NewReleaseProblems::none() const
{
    return version.isEmpty() && hotfix.isEmpty() && platforms.isEmpty() && baseBranch.isEmpty() &&
           target.isEmpty() &&
           std::all_of(slotProblems.cbegin(), slotProblems.cend(),
                       [](const QString& problem) { return problem.isEmpty(); });
}

NewReleaseProblems NewReleaseProblems::of(const ReleaseDraft& draft, const QList<Release>& releases,
                                          const QDateTime& now)
{
    QStringList taken;
    for (const Release& release : releases)
        taken.append(release.version);
    NewReleaseProblems problems;
    problems.version = ReleaseRules::versionProblem(draft.version, taken);
    if (!draft.hotfixOf.isEmpty()) {
        const Result<HotfixPlan> plan = HotfixPlan::from(releases, draft.hotfixOf);
        if (!plan)
            problems.hotfix = plan.error().message;
        else if (plan->needsConfirmation() && !draft.force)
            problems.hotfix = tr("%1 was released after %2; confirm that this hotfix is of %2.")
                                  .arg(plan->newerRelease, plan->fixed.version);
        if (plan && problems.version.isEmpty())
            problems.version = plan->versionProblem(draft.version);
    }
    problems.platforms = ReleaseRules::platformsProblem(draft.platforms);
    problems.baseBranch = ReleaseRules::baseBranchProblem(draft.baseBranch);
    // As the service does: a kickoff in the past starts now.
    const QDateTime kickoff = std::max(draft.kickoffAt.isValid() ? draft.kickoffAt : now, now);
    problems.target = ReleaseRules::targetProblem(draft.targetAt, kickoff);
    for (const SlotDraft& slot : draft.regressionSlots)
        problems.slotProblems.append(
            ReleaseRules::slotProblem(slot.at, kickoff, draft.targetAt, now));
    return problems;
}

} // namespace ReleaseDeck
