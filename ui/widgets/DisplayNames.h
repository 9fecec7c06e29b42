#pragma once

#include "model/ConnectionEnums.h"
#include "model/ReleaseEnums.h"

#include <QCoreApplication>
#include <QString>

namespace ReleaseDeck {

// The names people read in the UI for the model's categories and statuses, translated.
// (core's displayName() stays English: the command line and logs use it. Platform and CI
// purpose names are marked for translation in core and shown by ProviderField::memberName.)
class DisplayNames
{
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)

public:
    static QString category(ConnectionCategory value);
    static QString status(VerificationStatus value);
    static QString role(Role value);
    static QString stage(Stage value);
    static QString releaseStatus(ReleaseStatus value);
};

} // namespace ReleaseDeck
