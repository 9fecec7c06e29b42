#pragma once

#include "Release.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <array>
#include <optional>

namespace ReleaseDeck {

// How far one started regression cycle is.
struct CycleProgress
{
    int number = 0;
    CycleStatus status = CycleStatus::NotStarted;
    int finished = 0; // tasks completed or skipped
    int total = 0;

    friend bool operator==(const CycleProgress&, const CycleProgress&) = default;
};

// A dashboard row: a release, how many of its tasks are in each status per stage, its
// regression cycles and slots, its pilot, and its first failed task. Read for every
// release of a workspace in a constant number of queries (ReleaseSummaryStore).
struct ReleaseSummary
{
    Release release;
    QString pilotName;                  // empty: no pilot
    QList<CycleProgress> cycles;        // the started cycles, by number
    int slotCount = 0;                  // regression slots, started or not
    QDateTime nextSlotAt;               // the earliest slot not started yet; invalid: none
    std::optional<TaskType> failedTask; // the first failed task, if any
    int failedCycle = 0;                // its regression cycle (0: not a cycle task)

    int count(Stage stage, TaskStatus status) const
    {
        return m_counts[std::size_t(stage)][std::size_t(status)];
    }
    int total(Stage stage) const
    {
        int sum = 0;
        for (const int n : m_counts[std::size_t(stage)])
            sum += n;
        return sum;
    }
    // Tasks of the stage that are completed or skipped.
    int finished(Stage stage) const
    {
        return count(stage, TaskStatus::Completed) + count(stage, TaskStatus::Skipped);
    }
    void add(Stage stage, TaskStatus status, int n)
    {
        m_counts[std::size_t(stage)][std::size_t(status)] += n;
    }
    // The regression cycles planned: the slots, or the cycles started when there are more.
    int plannedCycles() const { return std::max(slotCount, int(cycles.size())); }

    // Whether a dashboard row would show the same: every write to a release bumps its row
    // version, so the release is compared by id and version.
    friend bool operator==(const ReleaseSummary& a, const ReleaseSummary& b)
    {
        return a.release.id == b.release.id && a.release.rowVersion == b.release.rowVersion &&
               a.pilotName == b.pilotName && a.cycles == b.cycles && a.slotCount == b.slotCount &&
               a.nextSlotAt == b.nextSlotAt && a.failedTask == b.failedTask &&
               a.failedCycle == b.failedCycle && a.m_counts == b.m_counts;
    }

private:
    // [stage][status], in the enums' order.
    std::array<std::array<int, 6>, 4> m_counts{};
};

} // namespace ReleaseDeck
