#pragma once

#include <QJsonObject>
#include <QString>

namespace ReleaseDeck {

// What a successful verify() proved, for people (summary) and for the record (details).
struct VerificationReport
{
    QString summary; // "Push access to octo/app on GitHub."
    QJsonObject details;
};

} // namespace ReleaseDeck
