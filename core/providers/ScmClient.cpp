#include "ScmClient.h"

namespace ReleaseDeck {

Result<bool> ScmClient::exists(const Result<std::optional<QString>>& commit)
{
    if (!commit)
        return commit.error();
    return commit->has_value();
}

Status ScmClient::sameCommitOrConflict(const QString& what, const QString& name,
                                       const QString& existingSha, const QString& wantedSha,
                                       const QString& fromRef, qsizetype shortLength)
{
    if (existingSha == wantedSha)
        return {};
    return Error::conflict(
        QStringLiteral("The %1 %2 already exists at %3, not at %4 (%5).")
            .arg(what, name, existingSha.left(shortLength), wantedSha.left(shortLength), fromRef));
}

} // namespace ReleaseDeck
