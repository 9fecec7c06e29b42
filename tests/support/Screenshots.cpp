#include "Screenshots.h"

#include "desktop/Theme.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QWidget>

namespace ReleaseDeck::Test {

QString saveScreenshot(QWidget* widget, const QString& name)
{
    const QString root = qEnvironmentVariable("RELEASEDECK_TEST_BINARY_DIR", QDir::tempPath());
    const QDir folder(root + QStringLiteral("/screenshots"));
    folder.mkpath(QStringLiteral("."));
    // Layouts redone after the last change (a longer status text) are still queued.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QPixmap pixmap = widget->grab();
    const QString suffix = pixmap.devicePixelRatio() > 1.0 ? QStringLiteral("@2x") : QString();
    const QString path = folder.filePath(name + suffix + QStringLiteral(".png"));
    return pixmap.save(path) ? path : QString();
}

void useDarkPalette()
{
    Theme::apply(Appearance::Dark);
}

} // namespace ReleaseDeck::Test
