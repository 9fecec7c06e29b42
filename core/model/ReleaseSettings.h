#pragma once

#include "ReleaseEnums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ReleaseDeck {

// How one release runs, copied from its train (or the defaults) when it is created, so
// editing a train never changes a release already started.
struct ReleaseSettings
{
    QString branchPattern = QStringLiteral("release/{version}");
    QString tagPattern = QStringLiteral("v{version}");
    QString rcTagPattern = QStringLiteral("v{version}-rc.{cycle}");
    // Optional tasks turned off; a turned-off task is planned SKIPPED.
    QList<TaskType> tasksOff;
    bool autoMoveToRegression = true;
    bool autoMoveToPreRelease = false; // needs approval

    bool isOn(TaskType type) const { return !tasksOff.contains(type); }

    // "release/{version}" with the version (and cycle) filled in.
    static QString expand(const QString& pattern, const QString& version, int cycle = 0);

    QJsonObject toJson() const;
    // Missing keys keep their defaults; unknown task names are ignored.
    static ReleaseSettings fromJson(const QJsonObject& json);
};

} // namespace ReleaseDeck
