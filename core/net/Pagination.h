#pragma once

#include "HttpClient.h"

#include <QJsonArray>

#include <functional>
#include <optional>

namespace ReleaseDeck {

// Walks a paginated list to its end, at most HttpSettings::maxPages pages, refusing to
// follow a next page to another host (the token must not travel there).
class Pagination
{
public:
    struct Page
    {
        QJsonArray items;
        // The request for the following page; none on the last page.
        std::optional<HttpRequest> next;
    };
    // Reads one answer: its items and how to ask for the next page.
    using PageReader = std::function<Result<Page>(const HttpRequest& sent, const HttpResponse&)>;

    // How each page is fetched: HttpClient::send, or a client's own checked send.
    using Sender = std::function<Result<HttpResponse>(const HttpRequest&)>;

    static Result<QJsonArray> collect(const HttpClient& http, const HttpRequest& first,
                                      const PageReader& read);
    static Result<QJsonArray> collect(const Sender& send, int maxPages, const HttpRequest& first,
                                      const PageReader& read);

    // GitHub/GitLab style: the body is a JSON array, the next page is the Link rel="next".
    static Result<QJsonArray> collectLinked(const HttpClient& http, const HttpRequest& first);
    // Link rel="next" pages whose items are the array under arrayKey of each page's object
    // (or the page itself when arrayKey is empty).
    static PageReader linkedItems(const QString& arrayKey = {});

    // The rel="next" target of a Link header, empty when there is none.
    static QUrl nextLink(const HttpResponse& response);
};

} // namespace ReleaseDeck
