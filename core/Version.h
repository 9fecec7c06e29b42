#pragma once

#include <QString>

namespace ReleaseDeck {

// The one version string, set by CMake's project(VERSION).
QString version();

// "ReleaseDeck/<version>", sent as User-Agent to every provider.
QString userAgent();

} // namespace ReleaseDeck
