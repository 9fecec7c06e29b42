#include "TrainRules.h"

#include "WhenText.h"
#include "model/GitRefName.h"
#include "model/ReleaseSettings.h"
#include "orchestrator/TaskCatalog.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TrainRules", text);
}

constexpr qsizetype MaxNameLength = 128;
constexpr int MaxRepeatWeeks = 52;
constexpr qint64 Week = 7 * 86400;

struct PatternKind
{
    QString what;        // "branch pattern"
    QStringList allowed; // placeholders it may hold
    QString example;     // a good one
};

PatternKind patternKind(TrainField field)
{
    switch (field) {
    case TrainField::TagPattern:
        return {tr("tag pattern"), {QStringLiteral("version")}, QStringLiteral("v{version}")};
    case TrainField::RcTagPattern:
        return {tr("RC tag pattern"),
                {QStringLiteral("version"), QStringLiteral("cycle")},
                QStringLiteral("v{version}-rc.{cycle}")};
    default:
        break;
    }
    return {tr("branch pattern"), {QStringLiteral("version")}, QStringLiteral("release/{version}")};
}

Platform targetPlatform(const QString& target)
{
    if (target == QLatin1String("PLAY_STORE"))
        return Platform::Android;
    if (target == QLatin1String("APP_STORE"))
        return Platform::Ios;
    return Platform::Web;
}

} // namespace

QStringList TrainRules::knownTargets()
{
    return {QStringLiteral("PLAY_STORE"), QStringLiteral("APP_STORE"), QStringLiteral("WEB")};
}

QStringList TrainRules::targetsFor(const QList<Platform>& platforms)
{
    QStringList targets;
    for (const QString& target : knownTargets()) {
        if (platforms.contains(targetPlatform(target)))
            targets.append(target);
    }
    return targets;
}

QString TrainRules::nameProblem(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("A release train needs a name.");
    if (trimmed.size() > MaxNameLength)
        return tr("A train's name has at most %1 characters.").arg(MaxNameLength);
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            return tr("A train's name cannot contain control characters.");
    }
    return {};
}

QString TrainRules::platformsProblem(const QList<Platform>& platforms)
{
    if (platforms.isEmpty())
        return tr("A release train needs at least one platform: ANDROID, IOS or WEB.");
    if (QSet<Platform>(platforms.cbegin(), platforms.cend()).size() != platforms.size())
        return tr("Each platform is named once.");
    return {};
}

QString TrainRules::targetsProblem(const QStringList& targets, const QList<Platform>& platforms)
{
    for (const QString& target : targets) {
        if (!knownTargets().contains(target))
            return tr("'%1' is not a target; the targets are %2.")
                .arg(target, knownTargets().join(QStringLiteral(", ")));
        if (!platforms.contains(targetPlatform(target)))
            return tr("The target %1 needs the %2 platform.")
                .arg(target, toText(targetPlatform(target)));
    }
    if (QSet<QString>(targets.cbegin(), targets.cend()).size() != targets.size())
        return tr("Each target is named once.");
    return {};
}

QString TrainRules::baseBranchProblem(const QString& branch)
{
    return GitRefName::problem(branch, tr("base branch"));
}

QString TrainRules::patternProblem(TrainField field, const QString& pattern)
{
    const PatternKind kind = patternKind(field);
    static const QRegularExpression placeholder(QStringLiteral(R"(\{([^{}]*)\})"));
    QString rest = pattern;
    QSet<QString> used;
    for (QRegularExpressionMatchIterator it = placeholder.globalMatch(pattern); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!kind.allowed.contains(name))
            return tr("{%1} is not a placeholder of a %2; it takes %3 (e.g. %4).")
                .arg(name, kind.what,
                     QStringLiteral("{") + kind.allowed.join(QStringLiteral("} and {")) +
                         QStringLiteral("}"),
                     kind.example);
        used.insert(name);
    }
    rest.remove(placeholder);
    if (rest.contains(QLatin1Char('{')) || rest.contains(QLatin1Char('}')))
        return tr("The %1 '%2' has a brace that opens or closes no placeholder.")
            .arg(kind.what, pattern);
    for (const QString& required : kind.allowed) {
        if (!used.contains(required))
            return tr("The %1 needs {%2}, e.g. %3.").arg(kind.what, required, kind.example);
    }
    return GitRefName::problem(ReleaseSettings::expand(pattern, QStringLiteral("1.4.0"), 1),
                               kind.what);
}

QString TrainRules::kickoffProblem(int weekday, const QTime& time)
{
    if (weekday < 1 || weekday > 7 || !time.isValid())
        return tr("A train needs a kickoff weekday and time, e.g. Mon@09:00.");
    return {};
}

QString TrainRules::timeZoneProblem(const QString& zone)
{
    if (zone.trimmed().isEmpty() || !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        return tr("'%1' is not an IANA time zone such as Europe/Berlin or America/New_York.")
            .arg(zone);
    return {};
}

QString TrainRules::repeatProblem(int weeks)
{
    if (weeks < 1 || weeks > MaxRepeatWeeks)
        return tr("A train repeats every 1 to %1 weeks.").arg(MaxRepeatWeeks);
    return {};
}

QString TrainRules::reminderProblem(qint64 seconds, int repeatWeeks)
{
    if (seconds < 0)
        return tr("The kickoff reminder comes before the kickoff, not after it.");
    if (seconds >= Week * std::max(1, repeatWeeks))
        return tr("The kickoff reminder must come less than the train's repeat period (%1) "
                  "before the kickoff.")
            .arg(WhenText::durationText(Week * std::max(1, repeatWeeks)));
    return {};
}

QString TrainRules::slotsProblem(const QList<RegressionSlotPlan>& plans, qint64 targetSeconds)
{
    QSet<int> offsets;
    for (const RegressionSlotPlan& slot : plans) {
        const QString offset = QLatin1Char('+') + WhenText::durationText(slot.offsetMinutes * 60LL);
        if (slot.offsetMinutes < 0)
            return tr("A regression slot comes after the kickoff: use an offset like +1d.");
        if (offsets.contains(slot.offsetMinutes))
            return tr("Two regression slots are at %1.").arg(offset);
        offsets.insert(slot.offsetMinutes);
        if (targetSeconds > 0 && slot.offsetMinutes * 60LL > targetSeconds)
            return tr("The regression slot at %1 is after the target (+%2).")
                .arg(offset, WhenText::durationText(targetSeconds));
    }
    return {};
}

QString TrainRules::optionalTasksProblem(const QList<TaskType>& tasks)
{
    const QList<TaskType> optional = TaskCatalog::optionalTasks();
    for (const TaskType type : tasks) {
        if (optional.contains(type))
            continue;
        QStringList names;
        for (const TaskType known : optional)
            names.append(toText(known));
        return tr("%1 is not an optional task; the optional tasks are %2.")
            .arg(toText(type), names.join(QStringLiteral(", ")));
    }
    return {};
}

QString TrainRules::targetAfterProblem(qint64 seconds)
{
    if (seconds < 0)
        return tr("The target comes after the kickoff: use a duration like 7d.");
    return {};
}

QList<TrainProblem> TrainRules::problems(const ReleaseConfig& train)
{
    const QList<std::pair<TrainField, QString>> checks{
        {TrainField::Name, nameProblem(train.name)},
        {TrainField::Platforms, platformsProblem(train.platforms)},
        {TrainField::Targets, targetsProblem(train.targets, train.platforms)},
        {TrainField::BaseBranch, baseBranchProblem(train.baseBranch)},
        {TrainField::BranchPattern, patternProblem(TrainField::BranchPattern, train.branchPattern)},
        {TrainField::TagPattern, patternProblem(TrainField::TagPattern, train.tagPattern)},
        {TrainField::RcTagPattern, patternProblem(TrainField::RcTagPattern, train.rcTagPattern)},
        {TrainField::Kickoff, kickoffProblem(train.kickoffWeekday, train.kickoffTime)},
        {TrainField::TimeZone, timeZoneProblem(train.timeZone)},
        {TrainField::Repeat, repeatProblem(train.repeatWeeks)},
        {TrainField::Reminder, reminderProblem(train.reminderSeconds, train.repeatWeeks)},
        {TrainField::RegressionSlots, slotsProblem(train.regressionSlots, train.targetSeconds)},
        {TrainField::OptionalTasks, optionalTasksProblem(train.optionalTasksOn)},
        {TrainField::TargetAfter, targetAfterProblem(train.targetSeconds)},
    };
    QList<TrainProblem> problems;
    for (const auto& [field, message] : checks) {
        if (!message.isEmpty())
            problems.append({field, message});
    }
    return problems;
}

} // namespace ReleaseDeck
