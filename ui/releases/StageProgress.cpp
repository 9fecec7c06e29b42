#include "releases/StageProgress.h"

#include "widgets/DisplayNames.h"

#include <algorithm>

namespace ReleaseDeck {

namespace {

double share(int part, int whole)
{
    return whole > 0 ? std::clamp(double(part) / double(whole), 0.0, 1.0) : 0.0;
}

// How far regression is: finished cycles, plus the running one by its tasks, over the
// cycles planned (or by its tasks alone when no cycle is planned).
double regressionFill(const ReleaseSummary& summary)
{
    const int planned = summary.plannedCycles();
    if (planned == 0)
        return share(summary.finished(Stage::Regression), summary.total(Stage::Regression));
    double done = 0.0;
    for (const CycleProgress& progress : summary.cycles) {
        if (progress.status == CycleStatus::Done || progress.status == CycleStatus::Abandoned)
            done += 1.0;
        else if (progress.status == CycleStatus::InProgress)
            done += share(progress.finished, progress.total);
    }
    return std::clamp(done / planned, 0.0, 1.0);
}

bool isCompleted(const Release& release)
{
    return release.status == ReleaseStatus::Completed ||
           release.status == ReleaseStatus::Archived || release.stage == Stage::Done;
}

} // namespace

StageProgress StageProgress::measure(const ReleaseSummary& summary)
{
    const Release& release = summary.release;
    StageProgress progress;
    const bool completed = isCompleted(release);
    const int current = completed ? int(Stage::Done) : int(release.stage);
    const double regression = regressionFill(summary);
    const int planned = summary.plannedCycles();
    for (int i = 0; i < 4; ++i) {
        Segment& segment = progress.segments[std::size_t(i)];
        segment.stage = Stage(i);
        segment.state = i < current    ? SegmentState::Done
                        : i == current ? SegmentState::Current
                                       : SegmentState::Upcoming;
        if (segment.stage == Stage::Regression)
            segment.notches = std::max(0, planned - 1);
        switch (segment.state) {
        case SegmentState::Done:
            segment.fill = 1.0;
            break;
        case SegmentState::Upcoming:
            segment.fill = 0.0;
            break;
        case SegmentState::Current:
            segment.fill =
                segment.stage == Stage::Done ? (completed ? 1.0 : 0.0)
                : segment.stage == Stage::Regression
                    ? regression
                    : share(summary.finished(segment.stage), summary.total(segment.stage));
            break;
        }
    }
    const Segment& now = progress.segments[std::size_t(current)];
    progress.percent = int(now.fill * 100.0 + 0.5);
    progress.overall = (current + now.fill) / 4.0;
    if (release.status == ReleaseStatus::Cancelled)
        progress.alert = Alert::Cancelled;
    else if (release.status == ReleaseStatus::Paused)
        progress.alert =
            release.pauseReason == PauseReason::TaskFailure ? Alert::Failed : Alert::Paused;
    return progress;
}

StageProgress StageProgress::of(const ReleaseSummary& summary)
{
    StageProgress progress = measure(summary);
    const Release& release = summary.release;
    const bool completed = isCompleted(release);
    const int current = completed ? int(Stage::Done) : int(release.stage);
    int cycle = 0;
    for (const CycleProgress& started : summary.cycles)
        cycle = std::max(cycle, started.number);
    const int planned = summary.plannedCycles();
    const Stage stage = Stage(current);
    const QString name = DisplayNames::stage(stage);
    const int finished = summary.finished(stage);
    const int total = summary.total(stage);
    if (completed) {
        progress.label = DisplayNames::stage(Stage::Done);
    } else if (release.status == ReleaseStatus::Pending) {
        progress.label = tr("%1 · not started").arg(name);
    } else if (stage == Stage::Regression && planned > 0) {
        progress.label = tr("%1 · RC %2 of %3").arg(name).arg(std::max(cycle, 1)).arg(planned);
    } else if (total > 0) {
        progress.label = tr("%1 · %2 of %n task(s)", nullptr, total).arg(name).arg(finished);
    } else {
        progress.label = name;
    }

    QString alert;
    switch (progress.alert) {
    case Alert::None:
        break;
    case Alert::Paused:
        alert = tr("paused");
        break;
    case Alert::Failed:
        alert = tr("a task failed");
        break;
    case Alert::Cancelled:
        alert = tr("cancelled");
        break;
    }
    if (!alert.isEmpty())
        progress.label = tr("%1 · %2").arg(progress.label, alert);
    progress.accessibleText = tr("%1; stage %2 of 4, %3% done")
                                  .arg(progress.label)
                                  .arg(current + 1)
                                  .arg(progress.percent);
    return progress;
}

} // namespace ReleaseDeck
