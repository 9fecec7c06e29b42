#pragma once

#include "HttpRequest.h"

namespace ReleaseDeck {

// How a provider client presents its token: one header added to every request.
class HttpAuth
{
public:
    HttpAuth() = default;

    static HttpAuth bearer(const QString& token);
    static HttpAuth basic(const QString& user, const QString& token);
    // e.g. PRIVATE-TOKEN for GitLab.
    static HttpAuth header(const QByteArray& name, const QString& value);

    void applyTo(HttpRequest& request) const;
    bool isEmpty() const { return m_name.isEmpty(); }

private:
    HttpAuth(QByteArray name, QByteArray value);

    QByteArray m_name;
    QByteArray m_value;
};

} // namespace ReleaseDeck
