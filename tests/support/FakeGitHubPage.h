#pragma once

#include "RecordedRequest.h"

#include <QJsonArray>
#include <QUrl>

namespace ReleaseDeck::Test {

// One page of a list as GitHub serves it: ?per_page (default 30, at most 100) and ?page
// (from 1), with a Link rel="next" header naming the following page.
struct FakeGitHubPage
{
    QJsonArray items;
    QByteArray link; // empty on the last page

    // server: the fake's base URL, where the next page is asked for.
    static FakeGitHubPage of(const QJsonArray& all, const RecordedRequest& request,
                             const QUrl& server);
};

} // namespace ReleaseDeck::Test
