#pragma once

#include "model/ConnectionEnums.h"

#include <QColor>
#include <QPalette>

namespace ReleaseDeck {

// Colours for states, chosen against the current palette so they stay readable on a
// dark one. Colour never carries meaning alone: every use also shows text.
class StatusColors
{
public:
    static bool isDark(const QPalette& palette);
    static QColor error(const QPalette& palette);
    static QColor success(const QPalette& palette);
    static QColor warning(const QPalette& palette);
    static QColor muted(const QPalette& palette);
    static QColor forStatus(VerificationStatus status, const QPalette& palette);
};

} // namespace ReleaseDeck
