#pragma once

#include "model/ConnectionEnums.h"
#include "model/ReleaseEnums.h"

#include <QCoreApplication>
#include <QString>

namespace ReleaseDeck {

// The names people read in the UI for the model's categories, statuses and platforms,
// translated. (core's displayName() stays English: the command line and logs use it.)
class DisplayNames
{
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)

public:
    static QString category(ConnectionCategory value);
    static QString status(VerificationStatus value);
    static QString platform(Platform value);
    static QString stage(Stage value);
    static QString releaseStatus(ReleaseStatus value);
};

} // namespace ReleaseDeck
