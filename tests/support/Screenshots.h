#pragma once

#include <QString>

class QWidget;

namespace ReleaseDeck::Test {

// Saves a PNG of a widget into $RELEASEDECK_TEST_BINARY_DIR/screenshots for people to look
// at; the name gets "@2x" when the screen is scaled. Returns the file written.
QString saveScreenshot(QWidget* widget, const QString& name);

// The app's own Dark appearance (Fusion with Theme's dark palette), to check readability.
void useDarkPalette();

} // namespace ReleaseDeck::Test
