#include "HotfixPlan.h"

#include "model/ReleaseVersion.h"
#include "store/ReleaseStore.h"

#include <QSet>

namespace ReleaseDeck {

QString HotfixPlan::versionProblem(const QString& version) const
{
    const std::optional<ReleaseVersion> fixedVersion = ReleaseVersion::parse(fixed.version);
    const std::optional<ReleaseVersion> hotfix = ReleaseVersion::parse(version.trimmed());
    if (!fixedVersion || !hotfix || hotfix->major != fixedVersion->major ||
        hotfix->minor != fixedVersion->minor || hotfix->patch <= fixedVersion->patch)
        return tr("A hotfix of %1 must be a patch above it, e.g. %2.")
            .arg(fixed.version, suggestedVersion);
    return {};
}

Result<HotfixPlan> HotfixPlan::of(Database& database, qint64 workspaceId,
                                  const QString& fixedVersion)
{
    ReleaseStore releases(database);
    Result<QList<Release>> all = releases.list(workspaceId);
    if (!all)
        return all.error();
    return from(*all, fixedVersion);
}

Result<HotfixPlan> HotfixPlan::from(const QList<Release>& all, const QString& fixedVersion)
{
    HotfixPlan plan;
    const auto fixed = std::find_if(all.cbegin(), all.cend(), [&](const Release& release) {
        return release.version == fixedVersion.trimmed();
    });
    if (fixed == all.cend())
        return Error::usage(tr("There is no release %1 to fix.").arg(fixedVersion));
    if (fixed->status != ReleaseStatus::Completed)
        return Error::usage(tr("%1 is %2, not completed; a hotfix fixes a released version.")
                                .arg(fixed->version, toText(fixed->status)));
    plan.fixed = *fixed;
    plan.fromRef = fixed->releaseTag.isEmpty() ? fixed->releaseBranch : fixed->releaseTag;

    const std::optional<ReleaseVersion> base = ReleaseVersion::parse(fixed->version);
    QSet<QString> taken;
    std::optional<ReleaseVersion> newest;
    for (const Release& other : all) {
        taken.insert(other.version);
        const std::optional<ReleaseVersion> version = ReleaseVersion::parse(other.version);
        if (base && version && other.status == ReleaseStatus::Completed && *base < *version &&
            (!newest || *newest < *version)) {
            newest = version;
            plan.newerRelease = other.version;
        }
    }
    if (base) {
        ReleaseVersion next = base->nextPatch();
        while (taken.contains(next.toString()))
            next = next.nextPatch();
        plan.suggestedVersion = next.toString();
    }
    return plan;
}

} // namespace ReleaseDeck
