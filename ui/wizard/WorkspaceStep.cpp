#include "wizard/WorkspaceStep.h"

#include "providers/FieldCheck.h"

namespace ReleaseDeck {

void WorkspaceStep::setJoining(bool joining)
{
    if (joining == m_joining)
        return;
    m_joining = joining;
    emit changed();
}

void WorkspaceStep::setWorkspaceName(const QString& name)
{
    m_workspaceName = name;
    touch(QStringLiteral("workspaceName"));
}

void WorkspaceStep::setDisplayName(const QString& name)
{
    m_displayName = name;
    touch(QStringLiteral("displayName"));
}

void WorkspaceStep::setEmail(const QString& email)
{
    m_email = email;
    touch(QStringLiteral("email"));
}

QString WorkspaceStep::fieldError(const QString& key) const
{
    if (!m_showAll && !m_touched.contains(key))
        return {};
    return error(key);
}

bool WorkspaceStep::isComplete() const
{
    return error(QStringLiteral("workspaceName")).isEmpty() &&
           error(QStringLiteral("displayName")).isEmpty() &&
           error(QStringLiteral("email")).isEmpty();
}

void WorkspaceStep::showAllErrors()
{
    m_showAll = true;
    emit changed();
}

QString WorkspaceStep::error(const QString& key) const
{
    if (key == u"workspaceName")
        return m_joining ? QString() : FieldCheck::text(m_workspaceName, tr("a workspace name"));
    // Joining, you are the database account you sign in with; an owner named it.
    if (key == u"displayName")
        return m_joining ? QString() : FieldCheck::text(m_displayName, tr("your name"));
    if (key == u"email")
        return m_joining ? QString() : FieldCheck::email(m_email, tr("your email address"));
    return {};
}

void WorkspaceStep::touch(const QString& key)
{
    m_touched.insert(key);
    emit changed();
}

} // namespace ReleaseDeck
