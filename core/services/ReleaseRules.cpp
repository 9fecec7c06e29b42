#include "ReleaseRules.h"

#include "model/GitRefName.h"
#include "model/ReleaseVersion.h"

#include <QSet>

namespace ReleaseDeck {

QString ReleaseRules::versionProblem(const QString& version, const QStringList& taken)
{
    const QString trimmed = version.trimmed();
    if (trimmed.isEmpty())
        return tr("A release needs a version: MAJOR.MINOR.PATCH, e.g. 1.4.0.");
    if (!ReleaseVersion::parse(trimmed))
        return tr("'%1' is not a release version: use MAJOR.MINOR.PATCH, optionally with a "
                  "-suffix (e.g. 1.4.0 or 1.4.0-beta.1).")
            .arg(version);
    if (taken.contains(trimmed))
        return tr("This workspace already has a release %1.").arg(trimmed);
    return {};
}

QString ReleaseRules::platformsProblem(const QList<Platform>& platforms)
{
    if (platforms.isEmpty())
        return tr("A release needs at least one platform: Android, iOS or Web.");
    if (QSet<Platform>(platforms.cbegin(), platforms.cend()).size() != platforms.size())
        return tr("Each platform is named once.");
    return {};
}

QString ReleaseRules::baseBranchProblem(const QString& branch)
{
    if (branch.trimmed().isEmpty())
        return {};
    return GitRefName::problem(branch, tr("base branch"));
}

QString ReleaseRules::targetProblem(const QDateTime& target, const QDateTime& kickoff)
{
    if (target.isValid() && target <= kickoff)
        return tr("The target %1 is not after the kickoff %2.")
            .arg(timeText(target), timeText(kickoff));
    return {};
}

QString ReleaseRules::slotProblem(const QDateTime& slot, const QDateTime& kickoff,
                                  const QDateTime& target, const QDateTime& now)
{
    if (!slot.isValid())
        return tr("A regression slot needs a time.");
    if (slot < now.addSecs(-PastGraceSeconds))
        return tr("The regression slot at %1 is in the past.").arg(timeText(slot));
    if (slot < kickoff.addSecs(-PastGraceSeconds))
        return tr("The regression slot at %1 is before the kickoff at %2.")
            .arg(timeText(slot), timeText(kickoff));
    if (target.isValid() && slot > target)
        return tr("The regression slot at %1 is after the target %2.")
            .arg(timeText(slot), timeText(target));
    return {};
}

QString ReleaseRules::nextVersion(const QList<Release>& releases)
{
    QSet<QString> taken;
    ReleaseVersion highest;
    for (const Release& release : releases) {
        taken.insert(release.version);
        const std::optional<ReleaseVersion> version = ReleaseVersion::parse(release.version);
        if (version && release.type == ReleaseType::Planned && highest < *version)
            highest = *version;
    }
    ReleaseVersion next = highest.nextMinor();
    while (taken.contains(next.toString()))
        next = next.nextMinor();
    return next.toString();
}

QList<SlotDraft> ReleaseRules::trainSlots(const ReleaseConfig& train, const QDateTime& kickoff)
{
    QList<SlotDraft> planned;
    for (const RegressionSlotPlan& plan : train.regressionSlots)
        planned.append({kickoff.addSecs(qint64(plan.offsetMinutes) * 60).toUTC(), plan.runBuild,
                        plan.runAutomation});
    return planned;
}

QString ReleaseRules::timeText(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

} // namespace ReleaseDeck
