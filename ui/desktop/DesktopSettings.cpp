#include "desktop/DesktopSettings.h"

#include <QSettings>

namespace ReleaseDeck {

namespace {

QString key(NotificationKind kind)
{
    switch (kind) {
    case NotificationKind::ApprovalNeeded:
        return QStringLiteral("notifications/approvalNeeded");
    case NotificationKind::TaskFailed:
        return QStringLiteral("notifications/taskFailed");
    case NotificationKind::ReleaseCompleted:
        return QStringLiteral("notifications/releaseCompleted");
    case NotificationKind::ConnectionProblem:
        return QStringLiteral("notifications/connectionProblem");
    }
    return {};
}

const QString AppearanceKey = QStringLiteral("appearance/theme");

} // namespace

bool DesktopSettings::notifies(NotificationKind kind)
{
    return QSettings().value(key(kind), true).toBool();
}

void DesktopSettings::setNotifies(NotificationKind kind, bool on)
{
    QSettings().setValue(key(kind), on);
}

Appearance DesktopSettings::appearance()
{
    const QString text = QSettings().value(AppearanceKey).toString();
    if (text == QLatin1String("light"))
        return Appearance::Light;
    if (text == QLatin1String("dark"))
        return Appearance::Dark;
    return Appearance::System;
}

void DesktopSettings::setAppearance(Appearance appearance)
{
    switch (appearance) {
    case Appearance::System:
        QSettings().setValue(AppearanceKey, QStringLiteral("system"));
        return;
    case Appearance::Light:
        QSettings().setValue(AppearanceKey, QStringLiteral("light"));
        return;
    case Appearance::Dark:
        QSettings().setValue(AppearanceKey, QStringLiteral("dark"));
        return;
    }
}

} // namespace ReleaseDeck
