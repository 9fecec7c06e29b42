#pragma once

#include "db/Database.h"
#include "model/Actor.h"
#include "model/ReleaseEnums.h"

#include <QList>
#include <QString>

namespace ReleaseDeck::Test {

// Many releases for benchmarks, written with multi-row INSERTs in transactions of 200:
// each with tasksPerRelease tasks (distinct type and cycle; stages and statuses vary),
// and every third one two regression slots and its first cycle started. Versions are
// "N/100.N%100.0". False and *error when a write failed.
// tasksPerRelease distinct (type, cycle) pairs: kickoff and pre-release tasks once,
// regression tasks per cycle.
QList<std::pair<TaskType, int>> taskPlan(int tasksPerRelease);

bool insertReleases(Database& database, const Actor& actor, int releases, int tasksPerRelease,
                    QString* error);

// The statements ReleaseSummaryStore::all() runs for workspaceId, as plain SQL with the
// id written in, to time them through the sqlite3 and mariadb clients. Keep them in step.
QByteArray summarySql(qint64 workspaceId);

} // namespace ReleaseDeck::Test
