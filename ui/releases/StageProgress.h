#pragma once

#include "model/ReleaseSummary.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <array>

namespace ReleaseDeck {

// What the dashboard's stage bar shows for a release: four segments (Kickoff, Regression
// with one notch per cycle, Pre-release, Done), each done, current (filled by its share of
// finished tasks) or still to come; whether the current one is paused or failed; and the
// same in words, under the bar and for screen readers.
struct StageProgress
{
    Q_DECLARE_TR_FUNCTIONS(StageProgress)

public:
    enum class SegmentState
    {
        Done,
        Current,
        Upcoming,
    };

    enum class Alert
    {
        None,
        Paused,    // waiting for approval or paused by a person: the warning colour
        Failed,    // paused because a task failed: the error colour
        Cancelled, // stopped for good: muted
    };

    struct Segment
    {
        Stage stage = Stage::Kickoff;
        SegmentState state = SegmentState::Upcoming;
        double fill = 0.0; // 0…1 of the segment
        int notches = 0;   // dividers inside it: one between each two regression cycles
    };

    std::array<Segment, 4> segments;
    Alert alert = Alert::None;
    QString label;          // "Regression · RC 2 of 3", "Kickoff · 3 of 4 tasks", "Done"
    QString accessibleText; // the label, the stage's place, its share done, the alert
    int percent = 0;        // of the current stage's tasks
    double overall = 0.0;   // 0…1 over the four stages, for sorting

    static StageProgress of(const ReleaseSummary& summary);
    // The segments, the share and the alert without the words (sorting thousands of rows).
    static StageProgress measure(const ReleaseSummary& summary);
};

} // namespace ReleaseDeck

Q_DECLARE_METATYPE(ReleaseDeck::StageProgress)
