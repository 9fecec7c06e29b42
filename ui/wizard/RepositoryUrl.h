#pragma once

#include "Result.h"

#include <QString>

namespace ReleaseDeck {

// What a pasted repository address says: https://github.com/acme/app,
// git@github.com:acme/app.git, https://gitlab.acme.com/group/sub/app, ...
struct RepositoryUrl
{
    QString provider; // github, github-enterprise, gitlab, bitbucket
    QString host;
    QString owner; // GitHub owner or Bitbucket workspace
    QString repo;
    QString project; // GitLab full path: group/sub/app
    QString apiUrl;  // only for Enterprise and self-managed: https://HOST/api/v3 or /api/v4

    // preferredProvider decides what an unknown host is: gitlab means self-managed
    // GitLab, anything else GitHub Enterprise.
    static Result<RepositoryUrl> parse(const QString& text, const QString& preferredProvider);
};

} // namespace ReleaseDeck
