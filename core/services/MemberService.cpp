#include "MemberService.h"

#include "db/Database.h"
#include "db/Transaction.h"
#include "model/Event.h"
#include "store/AccountStore.h"
#include "store/EventStore.h"
#include "store/MembershipStore.h"
#include "store/Permission.h"
#include "store/WorkspaceStore.h"

#include <QRandomGenerator>

namespace ReleaseDeck {

namespace {

// 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 115 bits.
QString oneTimePassword()
{
    static const QString alphabet =
        QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString password;
    for (int i = 0; i < 20; ++i)
        password += alphabet.at(int(QRandomGenerator::system()->bounded(alphabet.size())));
    return password;
}

QString describe(const Member& member)
{
    return member.email.isEmpty() ? member.displayName
                                  : QStringLiteral("%1 <%2>").arg(member.displayName, member.email);
}

} // namespace

MemberService::MemberService(Database& database, QString actorLogin)
    : m_database(database)
    , m_actorLogin(std::move(actorLogin))
{}

Error MemberService::oneLocalUser()
{
    return Error::usage(QStringLiteral(
        "A database on this computer has one user, its owner; to work with members, use a "
        "shared MariaDB/MySQL server."));
}

Result<QList<Member>> MemberService::list(const Actor& actor)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::Read, QStringLiteral("see members"));
        !allowed)
        return allowed.error();
    return MembershipStore(m_database).members(actor.workspaceId);
}

Result<Member> MemberService::find(const Actor& actor, const QString& emailOrLogin)
{
    Result<QList<Member>> all = list(actor);
    if (!all)
        return all.error();
    const QString wanted = emailOrLogin.trimmed();
    QList<Member> matches;
    for (const Member& member : std::as_const(*all)) {
        if (member.login == wanted)
            return member;
        if (member.email.compare(wanted, Qt::CaseInsensitive) == 0)
            matches.append(member);
    }
    if (matches.size() > 1)
        return Error::usage(QStringLiteral("Several members have the e-mail address %1; name the "
                                           "database user instead.")
                                .arg(wanted));
    if (matches.isEmpty())
        return Error::notFound(
            QStringLiteral("This workspace has no member with the e-mail address or database "
                           "user '%1'.")
                .arg(wanted));
    return matches.constFirst();
}

Status MemberService::record(const Actor& actor, const QString& kind, const QString& message)
{
    Event event;
    event.actor = m_actorLogin;
    event.kind = kind;
    event.message = message;
    Result<qint64> appended = EventStore(m_database).append(actor, event);
    if (!appended)
        return appended.error();
    return {};
}

Result<MemberAdded::Login> MemberService::setUpLogin(const MemberDraft& draft,
                                                     const QString& password)
{
    // Identifiers cannot be bound in CREATE USER or GRANT, so the routine checks the name
    // against the same pattern and quotes it; here everything is a bound value.
    Result<QSqlQuery> called =
        m_database.run(QStringLiteral("CALL rd_member_login(?, ?, ?, @releasedeck_login)"),
                       {draft.dbUser.trimmed(), draft.dbHost.trimmed(), password});
    if (!called)
        return called.error();
    Result<QSqlQuery> outcome = m_database.run(QStringLiteral("SELECT @releasedeck_login"));
    if (!outcome)
        return outcome.error();
    const QString text = outcome->next() ? outcome->value(0).toString() : QString();
    if (text == u"CREATED")
        return MemberAdded::Login::Created;
    if (text == u"LINKED")
        return MemberAdded::Login::Linked;
    if (text == u"ADMIN")
        return MemberAdded::Login::Administrator;
    return Error::internal(
        QStringLiteral("Setting up the database account answered '%1'.").arg(text));
}

Status MemberService::syncLogin(const QString& login)
{
    Result<QSqlQuery> called = m_database.run(QStringLiteral("CALL rd_sync_login(?)"), {login});
    if (!called)
        return called.error();
    return {};
}

Result<MemberAdded> MemberService::add(const Actor& actor, const MemberDraft& draft)
{
    if (Result<Role> allowed = requirePermission(m_database, actor, Permission::ManageWorkspace,
                                                 QStringLiteral("add members"));
        !allowed)
        return allowed.error();
    if (!m_database.url().isShared())
        return oneLocalUser();
    if (Status valid = draft.validate(); !valid)
        return valid.error();
    if (Transaction::isOpen(m_database))
        return Error::internal(
            QStringLiteral("Members are added outside a transaction: the server commits "
                           "account changes by itself."));

    const QString login = draft.dbUser.trimmed();
    AccountStore accounts(m_database);
    MembershipStore memberships(m_database);
    Member member;
    {
        Transaction transaction(m_database);
        if (!transaction.begun())
            return transaction.begun().error();
        Result<std::optional<Account>> existing = accounts.findByLogin(login);
        if (!existing)
            return existing.error();
        Result<Account> account =
            *existing ? Result<Account>(**existing)
                      : accounts.ensure(login, draft.displayName.trimmed(), draft.email.trimmed());
        if (!account)
            return account.error();
        Result<std::optional<Role>> role = memberships.roleOf(actor.workspaceId, account->id);
        if (!role)
            return role.error();
        if (*role)
            return Error::conflict(
                QStringLiteral("The database user '%1' is already a member here, as %2.")
                    .arg(login, toText(**role)));
        if (Status added = memberships.add(actor, account->id, draft.role); !added)
            return added.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        member = {account->id,    account->login, account->displayName,
                  account->email, draft.role,     {}};
    }

    const QString password = draft.password.isEmpty() ? oneTimePassword() : draft.password;
    Result<MemberAdded::Login> set = setUpLogin(draft, password);
    if (!set) {
        // Without a login the membership is of no use: take it back.
        (void)memberships.remove(actor, member.accountId);
        return set.error();
    }
    MemberAdded added;
    added.member = member;
    added.login = *set;
    if (*set == MemberAdded::Login::Created && draft.password.isEmpty())
        added.oneTimePassword = password;
    if (Status recorded =
            record(actor, QStringLiteral("member.added"),
                   QStringLiteral("%1 added %2 as %3 (database user %4).")
                       .arg(m_actorLogin, describe(member), toText(draft.role), login));
        !recorded)
        return recorded.error();
    return added;
}

Status MemberService::mayChange(const Actor& actor, qint64 accountId, const QString& action)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::ManageWorkspace, action);
        !allowed)
        return allowed.error();
    if (!m_database.url().isShared())
        return oneLocalUser();
    if (accountId == actor.accountId)
        return Error::conflict(
            QStringLiteral("Nobody changes or removes their own membership; ask another owner."));
    return {};
}

Result<Member> MemberService::setRole(const Actor& actor, qint64 accountId, Role role)
{
    if (Status allowed = mayChange(actor, accountId, QStringLiteral("change roles")); !allowed)
        return allowed.error();
    Result<QList<Member>> all = list(actor);
    if (!all)
        return all.error();
    auto found = std::find_if(all->begin(), all->end(),
                              [accountId](const Member& m) { return m.accountId == accountId; });
    if (found == all->end())
        return Error::notFound(QStringLiteral("That account is not a member of this workspace."));
    Member member = *found;
    if (member.role == role)
        return member;
    {
        Transaction transaction(m_database);
        if (!transaction.begun())
            return transaction.begun().error();
        if (Status changed = MembershipStore(m_database).setRole(actor, accountId, role); !changed)
            return changed.error();
        if (Status recorded =
                record(actor, QStringLiteral("member.role_changed"),
                       QStringLiteral("%1 made %2 %3 (was %4).")
                           .arg(m_actorLogin, describe(member), toText(role), toText(member.role)));
            !recorded)
            return recorded.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
    }
    member.role = role;
    if (Status synced = syncLogin(member.login); !synced)
        return synced.error();
    return member;
}

Status MemberService::remove(const Actor& actor, qint64 accountId)
{
    if (Status allowed = mayChange(actor, accountId, QStringLiteral("remove members")); !allowed)
        return allowed;
    Result<QList<Member>> all = list(actor);
    if (!all)
        return all.error();
    auto found = std::find_if(all->begin(), all->end(),
                              [accountId](const Member& m) { return m.accountId == accountId; });
    if (found == all->end())
        return Error::notFound(QStringLiteral("That account is not a member of this workspace."));
    const Member member = *found;
    {
        Transaction transaction(m_database);
        if (!transaction.begun())
            return transaction.begun();
        if (Status removed = MembershipStore(m_database).remove(actor, accountId); !removed)
            return removed;
        if (Status recorded =
                record(actor, QStringLiteral("member.removed"),
                       QStringLiteral("%1 removed %2.").arg(m_actorLogin, describe(member)));
            !recorded)
            return recorded;
        if (Status committed = transaction.commit(); !committed)
            return committed;
    }
    return syncLogin(member.login);
}

} // namespace ReleaseDeck
