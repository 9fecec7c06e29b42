#include "widgets/StatusColors.h"

namespace ReleaseDeck {

bool StatusColors::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor StatusColors::error(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

QColor StatusColors::success(const QPalette& palette)
{
    return isDark(palette) ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x6e, 0x20);
}

QColor StatusColors::warning(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0xcc, 0x80) : QColor(0x9a, 0x54, 0x00);
}

QColor StatusColors::muted(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xb0, 0xb4, 0xba) : QColor(0x5f, 0x63, 0x68);
}

QColor StatusColors::forStatus(VerificationStatus status, const QPalette& palette)
{
    switch (status) {
    case VerificationStatus::Valid:
        return success(palette);
    case VerificationStatus::Invalid:
        return error(palette);
    case VerificationStatus::Expired:
        return warning(palette);
    case VerificationStatus::Pending:
        break;
    }
    return muted(palette);
}

} // namespace ReleaseDeck
