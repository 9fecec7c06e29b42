#pragma once

#include "model/ReleaseConfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ReleaseDeck {

// The fields of a release train, in the order they are checked and shown.
enum class TrainField
{
    Name,
    Platforms,
    Targets,
    BaseBranch,
    BranchPattern,
    TagPattern,
    RcTagPattern,
    Kickoff,
    TimeZone,
    Repeat,
    Reminder,
    RegressionSlots,
    OptionalTasks,
    TargetAfter,
};

struct TrainProblem
{
    TrainField field;
    QString message;
};

// What a release train may hold, field by field: each check answers one plain sentence,
// or an empty string when the value is fine. TrainService refuses a train with the first
// problem; the train dialog shows each field's own as it is typed.
class TrainRules
{
public:
    static QString nameProblem(const QString& name);
    static QString platformsProblem(const QList<Platform>& platforms);
    // Empty targets are fine: the service takes targetsFor(platforms).
    static QString targetsProblem(const QStringList& targets, const QList<Platform>& platforms);
    static QString baseBranchProblem(const QString& branch);
    // field: BranchPattern, TagPattern or RcTagPattern. {version} is required in each and
    // {cycle} in the RC tag pattern; any other placeholder is refused.
    static QString patternProblem(TrainField field, const QString& pattern);
    static QString kickoffProblem(int weekday, const QTime& time);
    static QString timeZoneProblem(const QString& zone);
    static QString repeatProblem(int weeks);
    static QString reminderProblem(qint64 seconds, int repeatWeeks);
    static QString slotsProblem(const QList<RegressionSlotPlan>& plans, qint64 targetSeconds);
    static QString optionalTasksProblem(const QList<TaskType>& tasks);
    static QString targetAfterProblem(qint64 seconds);

    // Every problem of train, in field order; empty when it may be saved.
    static QList<TrainProblem> problems(const ReleaseConfig& train);

    // PLAY_STORE, APP_STORE and WEB.
    static QStringList knownTargets();
    // The store targets of the platforms: ANDROID → PLAY_STORE, IOS → APP_STORE, WEB → WEB.
    static QStringList targetsFor(const QList<Platform>& platforms);
};

} // namespace ReleaseDeck
