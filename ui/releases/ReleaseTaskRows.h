#pragma once

#include "releases/ReleaseTaskModel.h"

#include <QCoreApplication>

namespace ReleaseDeck {

// What the task list shows of a release, row by row: the sections, cycles, planned slots,
// tasks (status, attempts, times, the last error or why it waits, links) and builds.
class ReleaseTaskRows
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseTaskRows)

public:
    static QList<ReleaseTaskModel::Row> of(const ReleaseDetail& detail);

private:
    static ReleaseTaskModel::Row section(Stage stage, const QString& title);
    static ReleaseTaskModel::Row task(const ReleaseDetail& detail, const Task& task);
    static ReleaseTaskModel::Row build(const Build& build);
    static ReleaseTaskModel::Row cycle(const ReleaseDetail& detail, const RegressionCycle& cycle);
    static QString time(const QDateTime& at, const QDateTime& now);
};

} // namespace ReleaseDeck
