#pragma once

#include "model/ReleaseSummary.h"
#include "services/ReleaseDetail.h"

#include <QDateTime>

namespace ReleaseDeck::Test {

// 2.2.0 (id 10) in regression, paused on a failed task: kickoff done (its test run
// skipped), RC 1 done with an Android and an iOS build, RC 2 running with its tag failed
// on a permission after 3 attempts, one more slot planned, the target an hour ago.
ReleaseDetail midRegressionDetail(const QDateTime& now);
ReleaseSummary midRegressionSummary(const QDateTime& now);

} // namespace ReleaseDeck::Test
