#include "OnboardingSave.h"

#include "db/Database.h"
#include "db/MigrationRunner.h"
#include "db/Transaction.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStore.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "services/TokenChanges.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"

namespace ReleaseDeck {

OnboardingSave::OnboardingSave(SecretStore& secrets, const ConnectionVerifier& verifier)
    : m_secrets(secrets)
    , m_verifier(verifier)
{}

DatabaseUrl OnboardingSave::urlOf(const DatabaseDraft& draft)
{
    if (!draft.shared)
        return DatabaseUrl::defaultLocal();
    DatabaseUrl url;
    url.dialect = Dialect::MySql;
    url.host = draft.host.trimmed();
    url.port = draft.port;
    url.database = draft.database.trimmed();
    url.user = draft.user.trimmed();
    url.sslRequired = draft.tls;
    return url;
}

Result<OnboardingSave::Saved> OnboardingSave::save(const WizardResult& result)
{
    const DatabaseUrl url = urlOf(result.database);
    TokenChanges changes;
    // Whatever fails after this point takes the keychain entries written so far with it.
    auto undo = [this, &changes](const Error& error) -> Error {
        changes.undo(m_secrets);
        return error;
    };

    if (url.isShared() && !result.database.password.isEmpty()) {
        const QString passwordKey = SecretKeys::databasePassword(url.toString());
        const SecretResult stored =
            awaitSecret(m_secrets.write(passwordKey, result.database.password));
        if (!stored.ok())
            return stored.error;
        changes.wrote(passwordKey);
    }
    Saved saved;
    saved.database = std::make_unique<Database>(url, result.database.password);
    Database& database = *saved.database;
    if (Status opened = database.open(); !opened)
        return undo(opened.error());
    if (Result<int> migrated = MigrationRunner(database).bringUpToDate(); !migrated)
        return undo(migrated.error());

    Transaction transaction(database);
    if (!transaction.begun())
        return undo(transaction.begun().error());
    // Who this is comes from the database login (or the local user), never from the form.
    Result<Account> account =
        Identity::signIn(database, result.displayName.trimmed(), result.email.trimmed());
    if (!account)
        return undo(account.error());
    saved.accountId = account->id;
    saved.login = account->login;
    saved.workspaceId = result.joinWorkspaceId;
    if (saved.workspaceId == 0) {
        Result<Workspace> created =
            WorkspaceStore(database).create(result.workspaceName.trimmed(), saved.accountId);
        if (!created)
            return undo(created.error());
        saved.workspaceId = created->id;
    } else {
        Result<std::optional<Role>> role =
            MembershipStore(database).roleOf(saved.workspaceId, saved.accountId);
        if (!role)
            return undo(role.error());
        if (!role->has_value())
            return undo(Error::forbidden(
                QStringLiteral("%1 is not a member of that workspace yet; ask one of its "
                               "owners to add you, then try again.")
                    .arg(saved.login)));
    }
    ConnectionService service(database, m_secrets, m_verifier, saved.login);
    const Actor actor{saved.workspaceId, saved.accountId};
    for (const ConnectionDraft& draft : result.connections) {
        Result<Connection> added = service.addVerified(actor, draft, changes);
        if (!added)
            return undo(Error{added.error().kind,
                              QStringLiteral("Nothing was saved: %1").arg(added.error().message),
                              {}});
    }
    if (Status committed = transaction.commit(); !committed)
        return undo(committed.error());
    if (Status finished = changes.finish(m_secrets); !finished)
        return finished.error();
    return saved;
}

} // namespace ReleaseDeck
