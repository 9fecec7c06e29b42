#pragma once

#include "Result.h"

#include <QStringList>

namespace ReleaseDeck {

class SecretStore;

// The keychain side of a database change: tokens are written before their rows, so a
// change that is rolled back must remove the tokens it wrote, and one that commits deletes
// the tokens of the connections it replaced (only then: a rollback brings those rows back).
class TokenChanges
{
public:
    void wrote(const QString& key) { m_written.append(key); }
    void replaced(const QString& key) { m_replaced.append(key); }

    // After a rollback: removes every token written.
    void undo(SecretStore& secrets);
    // After the commit: deletes the replaced connections' tokens; the error names what
    // could not be deleted.
    Status finish(SecretStore& secrets);

private:
    QStringList m_written;
    QStringList m_replaced;
};

} // namespace ReleaseDeck
