#include "MemberCommands.h"

#include "CliApplication.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "logging/Redactor.h"
#include "secrets/TokenInput.h"
#include "services/MemberService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ReleaseDeck {

namespace {

struct MemberContext
{
    std::unique_ptr<CliSession> session;
    Actor actor;
    std::unique_ptr<MemberService> service;
};

Result<MemberContext> openContext(const CliGlobals& globals)
{
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(globals, CliSession::Schema::Current);
    if (!session)
        return session.error();
    Result<Actor> actor = (*session)->actor();
    if (!actor)
        return actor.error();
    MemberContext context;
    context.session = std::move(session).value();
    context.actor = *actor;
    context.service =
        std::make_unique<MemberService>(context.session->database(), context.session->login());
    return context;
}

Result<Role> roleArgument(const QString& text)
{
    const std::optional<Role> role = roleFromText(text);
    if (!role)
        return Error::usage(
            QStringLiteral("'%1' is not a role; use OWNER, EDITOR or VIEWER.").arg(text));
    return *role;
}

int add(CliInvocation& invocation)
{
    const QCommandLineParser& parser = invocation.parser;
    MemberDraft draft;
    draft.email = parser.positionalArguments().constFirst();
    draft.displayName = parser.value(QStringLiteral("name"));
    draft.dbUser = parser.value(QStringLiteral("db-user"));
    if (parser.isSet(QStringLiteral("db-host")))
        draft.dbHost = parser.value(QStringLiteral("db-host"));
    if (!parser.isSet(QStringLiteral("role")))
        return invocation.output.usageError(
            QStringLiteral("member add needs --role OWNER, EDITOR or VIEWER."));
    Result<Role> role = roleArgument(parser.value(QStringLiteral("role")));
    if (!role)
        return CliSession::fail(invocation.output, role.error());
    draft.role = *role;
    if (Status valid = draft.validate(); !valid)
        return CliSession::fail(invocation.output, valid.error());
    if (parser.isSet(QStringLiteral("password-stdin"))) {
        Result<QString> password = readPasswordFrom(invocation.input);
        if (!password)
            return CliSession::fail(invocation.output, password.error());
        draft.password = *password;
    }

    Result<MemberContext> context = openContext(invocation.globals);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    Result<MemberAdded> added = context->service->add(context->actor, draft);
    if (!added)
        return CliSession::fail(invocation.output, added.error());
    const QString who =
        QStringLiteral("%1 <%2>").arg(draft.displayName.trimmed(), draft.email.trimmed());
    const QString account =
        QStringLiteral("'%1'@'%2'").arg(draft.dbUser.trimmed(), draft.dbHost.trimmed());
    switch (added->login) {
    case MemberAdded::Login::Created:
        invocation.output.line(QStringLiteral("Added %1 as %2 with the new database account %3.")
                                   .arg(who, toText(draft.role), account));
        break;
    case MemberAdded::Login::Linked:
        invocation.output.line(
            QStringLiteral("Added %1 as %2, signing in as the existing database account %3; "
                           "its password is unchanged.")
                .arg(who, toText(draft.role), account));
        break;
    case MemberAdded::Login::Administrator:
        invocation.output.line(
            QStringLiteral("Added %1 as %2, signing in as the schema administrator '%3', whose "
                           "privileges are unchanged.")
                .arg(who, toText(draft.role), draft.dbUser.trimmed()));
        break;
    }
    if (!added->oneTimePassword.isEmpty()) {
        invocation.output.line(QStringLiteral(
            "Its password, shown only now; hand it to the person privately. They store it with "
            "'releasedeck-cli db login --password-stdin':"));
        invocation.output.line(QStringLiteral("  ") + added->oneTimePassword);
        // Printed once; from here on it is redacted like every other secret.
        Redactor::instance().addSecret(added->oneTimePassword);
    }
    return ExitSuccess;
}

int list(CliInvocation& invocation)
{
    Result<MemberContext> context = openContext(invocation.globals);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    Result<QList<Member>> members = context->service->list(context->actor);
    if (!members)
        return CliSession::fail(invocation.output, members.error());
    if (invocation.parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const Member& member : std::as_const(*members))
            rows.append(
                QJsonObject{{QStringLiteral("email"),
                             member.email.isEmpty() ? QJsonValue() : QJsonValue(member.email)},
                            {QStringLiteral("name"), member.displayName},
                            {QStringLiteral("role"), toText(member.role)},
                            {QStringLiteral("login"), member.login},
                            {QStringLiteral("you"), member.accountId == context->actor.accountId},
                            {QStringLiteral("since"), member.since.toUTC().toString(Qt::ISODate)}});
        invocation.output.json(rows);
        return ExitSuccess;
    }
    for (const Member& member : std::as_const(*members))
        invocation.output.line(
            QStringLiteral("%1  %2  %3  %4%5")
                .arg(toText(member.role).leftJustified(6), member.login, member.displayName,
                     member.email.isEmpty() ? QStringLiteral("-") : member.email,
                     member.accountId == context->actor.accountId ? QStringLiteral("  (you)")
                                                                  : QString()));
    if (!context->session->database().url().isShared())
        invocation.output.line(QStringLiteral("A database on this computer has one user, its "
                                              "owner; members need a shared server."));
    return ExitSuccess;
}

int role(CliInvocation& invocation)
{
    const QStringList arguments = invocation.parser.positionalArguments();
    Result<Role> role = roleArgument(arguments.at(1));
    if (!role)
        return CliSession::fail(invocation.output, role.error());
    Result<MemberContext> context = openContext(invocation.globals);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    if (!context->session->database().url().isShared())
        return CliSession::fail(invocation.output, MemberService::oneLocalUser());
    Result<Member> member = context->service->find(context->actor, arguments.at(0));
    if (!member)
        return CliSession::fail(invocation.output, member.error());
    Result<Member> changed = context->service->setRole(context->actor, member->accountId, *role);
    if (!changed)
        return CliSession::fail(invocation.output, changed.error());
    invocation.output.line(QStringLiteral("%1 (%2) is now %3.")
                               .arg(changed->displayName, changed->login, toText(changed->role)));
    return ExitSuccess;
}

int remove(CliInvocation& invocation)
{
    Result<MemberContext> context = openContext(invocation.globals);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    if (!context->session->database().url().isShared())
        return CliSession::fail(invocation.output, MemberService::oneLocalUser());
    Result<Member> member =
        context->service->find(context->actor, invocation.parser.positionalArguments().at(0));
    if (!member)
        return CliSession::fail(invocation.output, member.error());
    if (Status removed = context->service->remove(context->actor, member->accountId); !removed)
        return CliSession::fail(invocation.output, removed.error());
    invocation.output.line(QStringLiteral("Removed %1 (%2); their database access ended.")
                               .arg(member->displayName, member->login));
    return ExitSuccess;
}

} // namespace

void addMemberCommands(CliApplication& cli)
{
    cli.add({{QStringLiteral("member"), QStringLiteral("add")},
             QStringLiteral("EMAIL"),
             QStringLiteral("add a member with their own database account (OWNER only)"),
             {QCommandLineOption(QStringLiteral("name"), QStringLiteral("their name"),
                                 QStringLiteral("NAME")),
              QCommandLineOption(QStringLiteral("role"), QStringLiteral("OWNER, EDITOR or VIEWER"),
                                 QStringLiteral("ROLE")),
              QCommandLineOption(QStringLiteral("db-user"),
                                 QStringLiteral("the database user they sign in as"),
                                 QStringLiteral("USER")),
              QCommandLineOption(QStringLiteral("db-host"),
                                 QStringLiteral("the host they connect from (default %)"),
                                 QStringLiteral("HOST")),
              QCommandLineOption(QStringLiteral("password-stdin"),
                                 QStringLiteral("a new account's password from standard input; "
                                                "without it a one-time password is printed"))},
             1,
             1,
             add});
    cli.add({{QStringLiteral("member"), QStringLiteral("list")},
             {},
             QStringLiteral("list the workspace's members and their roles"),
             {QCommandLineOption(QStringLiteral("json"), QStringLiteral("print JSON"))},
             0,
             0,
             list});
    cli.add({{QStringLiteral("member"), QStringLiteral("role")},
             QStringLiteral("EMAIL|USER ROLE"),
             QStringLiteral("change a member's role (OWNER only)"),
             {},
             2,
             2,
             role});
    cli.add({{QStringLiteral("member"), QStringLiteral("remove")},
             QStringLiteral("EMAIL|USER"),
             QStringLiteral("remove a member; their database access ends at once (OWNER only)"),
             {},
             1,
             1,
             remove});
}

} // namespace ReleaseDeck
