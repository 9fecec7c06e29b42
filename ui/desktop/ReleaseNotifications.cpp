#include "desktop/ReleaseNotifications.h"

#include "desktop/DesktopSettings.h"
#include "desktop/Notifier.h"
#include "logging/Logging.h"

namespace ReleaseDeck {

ReleaseNotifications::ReleaseNotifications(Notifier& notifier, QObject* parent)
    : QObject(parent)
    , m_notifier(notifier)
{
    connect(&m_notifier, &Notifier::clicked, this, [this](qint64 workspaceId, qint64 releaseId) {
        if (releaseId != 0)
            emit releaseOpenRequested(workspaceId, releaseId);
        else
            emit windowRequested();
    });
}

void ReleaseNotifications::setPerson(const SignedInPerson& person)
{
    m_person = person;
}

void ReleaseNotifications::take(qint64 workspaceId, const QList<Event>& events)
{
    for (const Event& event : events) {
        // Once per instance: a feed read again (a retry, a restart) brings nothing twice.
        if (m_seen.contains(event.id))
            continue;
        m_seen.insert(event.id);
        const std::optional<NotificationKind> kind =
            NotificationRules::notificationFor(event, m_person);
        if (kind && DesktopSettings::notifies(*kind))
            notify(workspaceId, event, *kind);
    }
}

void ReleaseNotifications::notify(qint64 workspaceId, const Event& event, NotificationKind kind)
{
    const QString version = event.data.value(QLatin1String("version")).toString();
    QString title;
    switch (kind) {
    case NotificationKind::ApprovalNeeded:
        title = tr("Release %1 is waiting for your approval").arg(version);
        break;
    case NotificationKind::TaskFailed:
        title = tr("A task of release %1 failed").arg(version);
        break;
    case NotificationKind::ReleaseCompleted:
        title = tr("Release %1 is out").arg(version);
        break;
    case NotificationKind::ConnectionProblem:
        title = tr("A connection needs a new token");
        break;
    }
    qCInfo(lcUi).noquote() << "notification:" << event.kind << "seq" << event.seq << "of workspace"
                           << workspaceId;
    m_notifier.show(title, event.message, workspaceId, event.releaseId);
}

} // namespace ReleaseDeck
