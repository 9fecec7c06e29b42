#pragma once

#include "Result.h"
#include "backend/ChoicePage.h"
#include "model/Connection.h"
#include "model/ConnectionDraft.h"
#include "net/HttpSettings.h"

namespace ReleaseDeck {

// What the wizard offers to pick once a draft's token works: branches, chat channels, CI
// workflows, asked of the provider. Synchronous: runs on a worker thread.
class ProviderLists
{
public:
    explicit ProviderLists(HttpSettings http)
        : m_http(std::move(http))
    {}

    Result<ChoicePage> branches(const ConnectionDraft& draft) const;
    // Unarchived channels whose name contains search, by name, a page at a time from cursor.
    Result<ChoicePage> channels(const ConnectionDraft& draft, const QString& search,
                                const QString& cursor) const;
    Result<ChoicePage> workflows(const ConnectionDraft& draft) const;

    // The connection a draft describes, not saved.
    static Connection connectionOf(const ConnectionDraft& draft);

private:
    HttpSettings m_http;
};

} // namespace ReleaseDeck
