#pragma once

#include <QObject>
#include <QSet>

namespace ReleaseDeck {

// The welcome page's state: who you are, and whether you create a workspace or join
// one that already lives on a shared server.
class WorkspaceStep : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    bool joining() const { return m_joining; }
    void setJoining(bool joining);
    QString workspaceName() const { return m_workspaceName; }
    void setWorkspaceName(const QString& name);
    QString displayName() const { return m_displayName; }
    void setDisplayName(const QString& name);
    QString email() const { return m_email; }
    void setEmail(const QString& email);

    // Keys: workspaceName, displayName, email. Shown once typed in, or after a Next attempt.
    QString fieldError(const QString& key) const;
    bool isComplete() const;
    void showAllErrors();

signals:
    void changed();

private:
    QString error(const QString& key) const;
    void touch(const QString& key);

    bool m_joining = false;
    QString m_workspaceName;
    QString m_displayName;
    QString m_email;
    QSet<QString> m_touched;
    bool m_showAll = false;
};

} // namespace ReleaseDeck
