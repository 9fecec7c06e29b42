#pragma once

#include "services/NotificationRules.h"

namespace ReleaseDeck {

// How the window looks. Qt 6.4 has no colour-scheme API, so "the system" means the palette
// the platform theme gives the app (KDE's or GNOME's light or dark colours, followed when
// the desktop changes them); Light and Dark are the app's own palettes over Fusion.
enum class Appearance
{
    System,
    Light,
    Dark,
};

// The desktop preferences of this computer's user, in QSettings (never a secret): which
// kinds of notification to show (all of them unless turned off) and the appearance. Read
// at each use, so a change applies at once.
class DesktopSettings
{
public:
    static bool notifies(NotificationKind kind);
    static void setNotifies(NotificationKind kind, bool on);
    static Appearance appearance();
    static void setAppearance(Appearance appearance);
};

} // namespace ReleaseDeck
