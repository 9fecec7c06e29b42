#pragma once

#include "desktop/DesktopSettings.h"

class QPalette;

namespace ReleaseDeck {

// Puts an Appearance on the running app at once. System gives back the style the app
// started with and the platform theme's palette, which Qt keeps following when the desktop
// changes it; Light and Dark set Fusion with palettes of their own.
class Theme
{
public:
    static void apply(Appearance appearance);
    static QPalette darkPalette();
};

} // namespace ReleaseDeck
