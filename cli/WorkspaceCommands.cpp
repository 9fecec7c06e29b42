#include "WorkspaceCommands.h"

#include "CliApplication.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ReleaseDeck {

namespace {

int create(CliInvocation& invocation)
{
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(invocation.globals, CliSession::Schema::Current);
    if (!session)
        return CliSession::fail(invocation.output, session.error());
    Result<Account> me = (*session)->account();
    if (!me)
        return CliSession::fail(invocation.output, me.error());
    WorkspaceStore workspaces((*session)->database());
    Result<Workspace> created =
        workspaces.create(invocation.parser.positionalArguments().constFirst(), me->id);
    if (!created)
        return CliSession::fail(invocation.output, created.error());
    invocation.output.line(
        QStringLiteral("Created workspace '%1'; %2 is its OWNER.").arg(created->name, me->login));
    return ExitSuccess;
}

int list(CliInvocation& invocation)
{
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(invocation.globals, CliSession::Schema::Current);
    if (!session)
        return CliSession::fail(invocation.output, session.error());
    Result<Account> me = (*session)->account();
    if (!me)
        return CliSession::fail(invocation.output, me.error());
    WorkspaceStore workspaces((*session)->database());
    MembershipStore memberships((*session)->database());
    Result<QList<Workspace>> all = workspaces.list();
    if (!all)
        return CliSession::fail(invocation.output, all.error());
    QJsonArray rows;
    QStringList lines;
    for (const Workspace& workspace : std::as_const(*all)) {
        Result<std::optional<Role>> role = memberships.roleOf(workspace.id, me->id);
        if (!role)
            return CliSession::fail(invocation.output, role.error());
        const QString roleText = *role ? toText(**role) : QString();
        rows.append(QJsonObject{
            {QStringLiteral("id"), workspace.id},
            {QStringLiteral("name"), workspace.name},
            {QStringLiteral("createdAt"), workspace.createdAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("role"), roleText.isEmpty() ? QJsonValue() : QJsonValue(roleText)}});
        lines.append(QStringLiteral("%1  %2").arg(
            workspace.name, roleText.isEmpty() ? QStringLiteral("(not a member)") : roleText));
    }
    if (invocation.parser.isSet(QStringLiteral("json"))) {
        invocation.output.json(rows);
        return ExitSuccess;
    }
    if (lines.isEmpty())
        invocation.output.line(QStringLiteral(
            "No workspaces yet; create one with 'releasedeck-cli workspace create NAME'."));
    for (const QString& line : std::as_const(lines))
        invocation.output.line(line);
    return ExitSuccess;
}

} // namespace

void addWorkspaceCommands(CliApplication& cli)
{
    cli.add({{QStringLiteral("workspace"), QStringLiteral("create")},
             QStringLiteral("NAME"),
             QStringLiteral("create a workspace; you become its OWNER"),
             {},
             1,
             1,
             create});
    cli.add({{QStringLiteral("workspace"), QStringLiteral("list")},
             {},
             QStringLiteral("list the workspaces and your role in each"),
             {QCommandLineOption(QStringLiteral("json"), QStringLiteral("print JSON"))},
             0,
             0,
             list});
}

} // namespace ReleaseDeck
