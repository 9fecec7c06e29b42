#pragma once

#include <QCoreApplication>
#include <QString>

namespace ReleaseDeck {

// The wizard's own checks as typed, for what is no provider's field: the token and a
// shared database's host and port. Provider fields are checked by core's FieldCheck.
// Each returns the inline message, or an empty string when the value is fine.
class FieldRules
{
    Q_DECLARE_TR_FUNCTIONS(FieldRules)

public:
    static constexpr int MaxTokenLength = 1024;

    static QString token(const QString& value);
    static QString host(const QString& value);
    static QString port(int value);
};

} // namespace ReleaseDeck
