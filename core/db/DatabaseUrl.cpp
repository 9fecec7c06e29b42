#include "DatabaseUrl.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace ReleaseDeck {

namespace {

Error badUrl(const QString& why)
{
    return Error::usage(QStringLiteral("The database URL is not valid: %1; expected sqlite:PATH "
                                       "or mysql://USER@HOST:PORT/DB.")
                            .arg(why));
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive)) {
        QString path = trimmed.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = QUrl(trimmed).toLocalFile();
        if (path.isEmpty())
            return badUrl(QStringLiteral("the SQLite file path is missing"));
        DatabaseUrl url;
        url.dialect = Dialect::Sqlite;
        url.path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
        return url;
    }
    if (!trimmed.startsWith(QLatin1String("mysql://"), Qt::CaseInsensitive) &&
        !trimmed.startsWith(QLatin1String("mariadb://"), Qt::CaseInsensitive))
        return badUrl(QStringLiteral("it must start with sqlite: or mysql://"));

    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid())
        return badUrl(parsed.errorString());
    if (!parsed.password().isEmpty())
        return Error::usage(
            QStringLiteral("The database URL must not contain a password; store it with "
                           "'releasedeck-cli db login --password-stdin' instead."));
    DatabaseUrl url;
    url.dialect = Dialect::MySql;
    url.user = parsed.userName();
    url.host = parsed.host();
    url.port = parsed.port(3306);
    url.database = parsed.path().mid(1);
    if (url.user.isEmpty())
        return badUrl(QStringLiteral("the user name is missing"));
    if (url.host.isEmpty())
        return badUrl(QStringLiteral("the host is missing"));
    if (url.database.isEmpty() || url.database.contains(QLatin1Char('/')))
        return badUrl(QStringLiteral("the database name is missing"));
    const QUrlQuery query(parsed);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("socket") && !value.isEmpty())
            url.socket = value;
        else if (key == QLatin1String("ssl") && value == QLatin1String("required"))
            url.sslRequired = true;
        else
            return badUrl(QStringLiteral("unknown option '%1'").arg(key));
    }
    return url;
}

DatabaseUrl DatabaseUrl::defaultLocal()
{
    DatabaseUrl url;
    url.dialect = Dialect::Sqlite;
    url.path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
               QStringLiteral("/releasedeck.sqlite");
    return url;
}

Result<DatabaseUrl> DatabaseUrl::parseOrDefault(const QString& text)
{
    if (text.trimmed().isEmpty())
        return defaultLocal();
    return parse(text);
}

QString DatabaseUrl::toString() const
{
    if (dialect == Dialect::Sqlite)
        return QStringLiteral("sqlite:") + path;
    QUrl url;
    url.setScheme(QStringLiteral("mysql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    if (!socket.isEmpty())
        query.addQueryItem(QStringLiteral("socket"), socket);
    if (sslRequired)
        query.addQueryItem(QStringLiteral("ssl"), QStringLiteral("required"));
    url.setQuery(query);
    return url.toString();
}

QString DatabaseUrl::where() const
{
    if (dialect == Dialect::Sqlite)
        return QStringLiteral("the local database %1").arg(path);
    return QStringLiteral("the database server %1:%2").arg(host).arg(port);
}

} // namespace ReleaseDeck
