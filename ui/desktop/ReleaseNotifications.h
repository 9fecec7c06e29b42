#pragma once

#include "model/Event.h"
#include "services/NotificationRules.h"

#include <QObject>
#include <QSet>

namespace ReleaseDeck {

class Notifier;

// Turns the events of the person's workspaces into desktop notifications: core's
// NotificationRules say which events count and which are the person's own (never
// notified); DesktopSettings says which kinds the person turned off. Each event is
// notified at most once per app instance, however often a feed delivers it. A click on a
// notification asks for its release to be opened.
class ReleaseNotifications : public QObject
{
    Q_OBJECT

public:
    explicit ReleaseNotifications(Notifier& notifier, QObject* parent = nullptr);

    // Who is signed in; until then nothing counts as the person's own.
    void setPerson(const SignedInPerson& person);
    // New events of a workspace (WorkspaceWatch::eventsArrived).
    void take(qint64 workspaceId, const QList<ReleaseDeck::Event>& events);

signals:
    void releaseOpenRequested(qint64 workspaceId, qint64 releaseId);
    // A notification about no release (a connection) was clicked: show the window.
    void windowRequested();

private:
    void notify(qint64 workspaceId, const Event& event, NotificationKind kind);

    Notifier& m_notifier;
    SignedInPerson m_person;
    QSet<qint64> m_seen; // event ids, across workspaces
};

} // namespace ReleaseDeck
