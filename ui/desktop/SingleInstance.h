#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace ReleaseDeck {

// One running app per user and profile, so two instances never orchestrate the same data
// side by side. The first instance listens on a local socket named after the user and the
// profile's configuration folder; a later launch finds it there, asks it to raise its
// window and steps aside. A socket file left behind by a crashed instance answers nobody:
// it is removed and the new launch becomes the one that runs.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(QObject* parent = nullptr);

    // "releasedeck-<hash of user and configuration folder>".
    static QString serverName();

    enum class Role
    {
        Primary,   // this instance runs; raiseRequested() comes with each later launch
        Secondary, // another one runs and was asked to raise its window: exit 0
        Failed,    // neither: the socket could not be made (the app runs unguarded)
    };
    // Asks a running instance to raise its window, or else becomes the running one.
    Role claim();
    const QString& error() const { return m_error; }

signals:
    void raiseRequested();

private:
    bool askRunning();
    void answer();

    QLocalServer* m_server = nullptr;
    QString m_error;
};

} // namespace ReleaseDeck
