#include "Pagination.h"

#include "HttpFailure.h"

#include <QRegularExpression>

namespace ReleaseDeck {

QUrl Pagination::nextLink(const HttpResponse& response)
{
    static const QRegularExpression entry(QStringLiteral(R"(<([^>]*)>\s*((?:;\s*[^;,]*)*))"));
    static const QRegularExpression relNext(QStringLiteral(R"re(rel\s*=\s*"?([^";]*)"?)re"));
    const QString links = QString::fromLatin1(response.header("Link"));
    for (auto it = entry.globalMatch(links); it.hasNext();) {
        const auto match = it.next();
        const auto rel = relNext.match(match.captured(2));
        if (rel.hasMatch() &&
            rel.captured(1).split(QLatin1Char(' ')).contains(QLatin1String("next")))
            return response.url.resolved(QUrl(match.captured(1)));
    }
    return {};
}

Pagination::PageReader Pagination::linkedItems(const QString& arrayKey)
{
    return [arrayKey](const HttpRequest& sent, const HttpResponse& response) -> Result<Page> {
        Page page;
        if (arrayKey.isEmpty()) {
            auto items = response.jsonArray();
            if (!items)
                return items.error();
            page.items = *items;
        } else {
            auto object = response.jsonObject();
            if (!object)
                return object.error();
            page.items = object->value(arrayKey).toArray();
        }
        const QUrl next = nextLink(response);
        if (!next.isEmpty()) {
            HttpRequest nextRequest = sent;
            nextRequest.url = next;
            page.next = nextRequest;
        }
        return page;
    };
}

Result<QJsonArray> Pagination::collectLinked(const HttpClient& http, const HttpRequest& first)
{
    return collect(http, first, linkedItems());
}

Result<QJsonArray> Pagination::collect(const HttpClient& http, const HttpRequest& first,
                                       const PageReader& read)
{
    return collect([&http](const HttpRequest& request) { return http.send(request); },
                   http.settings().maxPages, first, read);
}

Result<QJsonArray> Pagination::collect(const Sender& send, int maxPages, const HttpRequest& first,
                                       const PageReader& read)
{
    QJsonArray all;
    HttpRequest request = first;
    for (int pageNumber = 1;; ++pageNumber) {
        auto response = send(request);
        if (!response)
            return response.error();
        auto page = read(request, *response);
        if (!page)
            return page.error();
        for (const QJsonValue& item : std::as_const(page->items))
            all.append(item);
        if (!page->next)
            return all;
        const QUrl& next = page->next->url;
        if (next.scheme() != first.url.scheme() || next.host() != first.url.host() ||
            next.port() != first.url.port())
            return Error{ErrorKind::Validation,
                         QStringLiteral("%1 pointed the next page to another server (%2); "
                                        "Release Deck did not follow it.")
                             .arg(first.serviceName(), next.host()),
                         {}};
        if (pageNumber >= maxPages)
            return Error{ErrorKind::Validation,
                         QStringLiteral("%1 returned more than %2 pages; Release Deck stopped "
                                        "reading the list.")
                             .arg(first.serviceName())
                             .arg(maxPages),
                         {}};
        request = *page->next;
    }
}

} // namespace ReleaseDeck
