#pragma once

#include "desktop/Notifier.h"

class QSystemTrayIcon;

namespace ReleaseDeck {

// Notifications as balloon messages of the tray icon (QSystemTrayIcon::showMessage, which
// goes to the desktop's notification service where there is one). The icon reports a click
// without saying which message, so a click opens what the last message was about.
class TrayNotifier final : public Notifier
{
    Q_OBJECT

public:
    explicit TrayNotifier(QSystemTrayIcon& icon, QObject* parent = nullptr);

    void show(const QString& title, const QString& body, qint64 workspaceId,
              qint64 releaseId) override;

private:
    QSystemTrayIcon& m_icon;
    qint64 m_workspaceId = 0;
    qint64 m_releaseId = 0;
};

} // namespace ReleaseDeck
