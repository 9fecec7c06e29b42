#include "FakeGitHubPage.h"

namespace ReleaseDeck::Test {

FakeGitHubPage FakeGitHubPage::of(const QJsonArray& all, const RecordedRequest& request,
                                  const QUrl& server)
{
    const int perPage =
        std::clamp(request.query.queryItemValue(QStringLiteral("per_page")).toInt() > 0
                       ? request.query.queryItemValue(QStringLiteral("per_page")).toInt()
                       : 30,
                   1, 100);
    const int page = std::max(1, request.query.queryItemValue(QStringLiteral("page")).toInt());
    FakeGitHubPage result;
    const qsizetype first = qsizetype(page - 1) * perPage;
    for (qsizetype i = first; i < all.size() && i < first + perPage; ++i)
        result.items.append(all[i]);
    if (first + perPage < all.size()) {
        QUrl next = server;
        next.setPath(request.path);
        QUrlQuery query = request.query;
        query.removeAllQueryItems(QStringLiteral("page"));
        query.addQueryItem(QStringLiteral("page"), QString::number(page + 1));
        next.setQuery(query);
        result.link = "<" + next.toEncoded() + ">; rel=\"next\"";
    }
    return result;
}

} // namespace ReleaseDeck::Test
