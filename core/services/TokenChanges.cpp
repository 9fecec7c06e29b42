#include "TokenChanges.h"

#include "logging/Logging.h"
#include "secrets/SecretStore.h"

namespace ReleaseDeck {

void TokenChanges::undo(SecretStore& secrets)
{
    for (const QString& key : std::as_const(m_written)) {
        const SecretResult removed = awaitSecret(secrets.remove(key));
        // Nothing refers to the entry; the change itself already failed and says why.
        if (!removed.ok())
            qCWarning(lcServices).noquote()
                << "could not remove the token of an unsaved connection:" << removed.error.message;
    }
    m_written.clear();
    m_replaced.clear();
}

Status TokenChanges::finish(SecretStore& secrets)
{
    m_written.clear();
    for (const QString& key : std::as_const(m_replaced)) {
        const SecretResult removed = awaitSecret(secrets.remove(key));
        if (!removed.ok())
            return Error{removed.error.kind,
                         QStringLiteral("The connection was saved, but the replaced "
                                        "connection's token could not be deleted: %1")
                             .arg(removed.error.message),
                         {}};
    }
    m_replaced.clear();
    return {};
}

} // namespace ReleaseDeck
