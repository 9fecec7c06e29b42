#pragma once

#include "model/ReleaseSummary.h"

#include <QDateTime>
#include <QList>

namespace ReleaseDeck::Test {

// Twelve dashboard rows in every state a release can be in (pending, each stage, paused
// for approval, by a person and by a failed task, a hotfix, completed, cancelled,
// archived), with pilots, slots and an overdue target; ids 1…12, newest first.
QList<ReleaseSummary> sampleReleases(const QDateTime& now);

// One row: a release at stage with tasks finished of total in that stage.
ReleaseSummary sampleRelease(qint64 id, const QString& version, ReleaseStatus status, Stage stage,
                             int finished, int total);

} // namespace ReleaseDeck::Test
