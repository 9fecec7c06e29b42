#include "desktop/TrayNotifier.h"

#include <QSystemTrayIcon>

namespace ReleaseDeck {

namespace {

constexpr int ShownMs = 15000;

} // namespace

TrayNotifier::TrayNotifier(QSystemTrayIcon& icon, QObject* parent)
    : Notifier(parent)
    , m_icon(icon)
{
    connect(&m_icon, &QSystemTrayIcon::messageClicked, this,
            [this] { emit clicked(m_workspaceId, m_releaseId); });
}

void TrayNotifier::show(const QString& title, const QString& body, qint64 workspaceId,
                        qint64 releaseId)
{
    m_workspaceId = workspaceId;
    m_releaseId = releaseId;
    m_icon.showMessage(title, body, QSystemTrayIcon::Information, ShownMs);
}

} // namespace ReleaseDeck
