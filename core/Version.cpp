#include "Version.h"

namespace ReleaseDeck {

QString version()
{
    return QStringLiteral(RELEASEDECK_VERSION);
}

QString userAgent()
{
    return QStringLiteral("ReleaseDeck/") + version();
}

} // namespace ReleaseDeck
