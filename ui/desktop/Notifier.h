#pragma once

#include <QObject>
#include <QString>

namespace ReleaseDeck {

// Shows a desktop notification and says when the person clicks it. The app shows them
// through its tray icon (TrayNotifier); tests use a fake that records them.
class Notifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // releaseId 0: about no release (a connection).
    virtual void show(const QString& title, const QString& body, qint64 workspaceId,
                      qint64 releaseId) = 0;

signals:
    void clicked(qint64 workspaceId, qint64 releaseId);
};

} // namespace ReleaseDeck
