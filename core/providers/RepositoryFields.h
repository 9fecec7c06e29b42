#pragma once

#include "ProviderField.h"

namespace ReleaseDeck {

// The fields every repository-hosting provider describes the same way.
class RepositoryFields
{
public:
    // "repo": the repository's name as it appears in its URL (GitHub, Bitbucket).
    static ProviderField repository();
    // "defaultBranch": the branch releases start from, picked from the repository's
    // branches once the token works; optional (every SCM provider).
    static ProviderField defaultBranch();
};

} // namespace ReleaseDeck
