#pragma once

#include "model/ConnectionEnums.h"
#include "model/ReleaseEnums.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace ReleaseDeck {

// A regression slot as people ask for it.
struct SlotDraft
{
    QDateTime at;
    bool runBuild = true;
    bool runAutomation = true;
};

// A release as someone asks for it; ReleaseService::create checks every field.
struct ReleaseDraft
{
    QString version;
    QString baseBranch;          // empty: the train's, else the SCM's default branch, else main
    QList<Platform> platforms;   // empty: the train's, else Android and iOS
    QString train;               // a release train's name: its settings, platforms and slots
    QDateTime kickoffAt;         // invalid: now
    QDateTime kickoffReminderAt; // when its train announced it (scheduled releases)
    QDateTime targetAt;          // invalid: the train's target offset after kickoff, else none
    QList<SlotDraft> regressionSlots;               // empty with a train: the train's slots
    std::optional<QList<TaskType>> optionalTasksOn; // unset: the train's, else all
    qint64 pilotId = 0;
    // The version of the COMPLETED release this fixes (see HotfixPlan); no train and no
    // base branch then.
    QString hotfixOf;
    bool force = false; // a hotfix of a release that has a newer completed one
};

} // namespace ReleaseDeck
