#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Member.h"
#include "model/MemberDraft.h"

#include <QList>

namespace ReleaseDeck {

class Database;

// What adding a member did on the server.
struct MemberAdded
{
    enum class Login
    {
        Created,       // a new database account, with the given or a one-time password
        Linked,        // the account existed on the server; its password is unchanged
        Administrator, // a schema administrator's account; its privileges are unchanged
    };
    Member member;
    Login login = Login::Created;
    // The password Release Deck made for a login it created; shown once, never stored.
    QString oneTimePassword;
};

// The rules for a workspace's members, shared by the CLI and the app. Only an OWNER adds,
// changes or removes members; nobody changes or removes themselves, and the last OWNER stays.
// On a shared server each change also sets up the member's database login through the
// definer-rights routines of migration 010 (rd_member_login, rd_sync_login): created or linked
// with the grants its highest role needs, and on the last removal its grants revoked, its
// sessions ended and, when Release Deck created it, dropped. A local file has one user.
// Synchronous: the CLI's main thread or a worker thread; never inside a caller's transaction
// (account statements on the server commit by themselves).
class MemberService
{
public:
    // actorLogin is what the events say ("ana").
    MemberService(Database& database, QString actorLogin);

    Result<QList<Member>> list(const Actor& actor);
    // The member with this e-mail address or database user name.
    Result<Member> find(const Actor& actor, const QString& emailOrLogin);
    Result<MemberAdded> add(const Actor& actor, const MemberDraft& draft);
    Result<Member> setRole(const Actor& actor, qint64 accountId, Role role);
    Status remove(const Actor& actor, qint64 accountId);

    // Why a local file has no members to manage.
    static Error oneLocalUser();

private:
    Status mayChange(const Actor& actor, qint64 accountId, const QString& action);
    Result<MemberAdded::Login> setUpLogin(const MemberDraft& draft, const QString& password);
    Status syncLogin(const QString& login);
    Status record(const Actor& actor, const QString& kind, const QString& message);

    Database& m_database;
    QString m_actorLogin;
};

} // namespace ReleaseDeck
