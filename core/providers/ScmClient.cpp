#include "ScmClient.h"

namespace ReleaseDeck {

namespace {

Status sameCommitOrConflict(const QString& what, const QString& name, const QString& existingSha,
                            const QString& wantedSha, const QString& fromRef, qsizetype shortLength)
{
    if (existingSha == wantedSha)
        return {};
    return Error::conflict(
        QStringLiteral("The %1 %2 already exists at %3, not at %4 (%5).")
            .arg(what, name, existingSha.left(shortLength), wantedSha.left(shortLength), fromRef));
}

} // namespace

Result<bool> ScmClient::exists(const Result<std::optional<QString>>& commit)
{
    if (!commit)
        return commit.error();
    return commit->has_value();
}

Status ScmClient::createUnlessSame(const RefCreation& ref)
{
    auto existing = ref.look();
    if (!existing)
        return existing.error();
    if (!existing->has_value()) {
        Status created = ref.create();
        if (created)
            return {};
        if (!ref.mayExistNow(created.error()))
            return created;
        // Someone created it between our look and our write: judge what is there now.
        existing = ref.look();
        if (!existing)
            return existing.error();
        if (!existing->has_value())
            return created;
    }
    return sameCommitOrConflict(ref.what, ref.name, **existing, ref.commitSha, ref.fromRef,
                                ref.shortLength);
}

} // namespace ReleaseDeck
