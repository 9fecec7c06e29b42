#include "IssuesClient.h"

namespace ReleaseDeck {

Result<Issue> IssuesClient::ensureReleaseIssue(const QString& projectKey, const QString& summary,
                                               const QString& description,
                                               const QString& releaseLabel)
{
    auto existing = findReleaseIssue(projectKey, releaseLabel);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
    return createIssue(projectKey, summary, description, {releaseLabel});
}

} // namespace ReleaseDeck
