#include "wizard/RepositoryUrl.h"

#include "providers/FieldCheck.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace ReleaseDeck {

namespace {

Error notARepository()
{
    return Error::usage(QCoreApplication::translate(
        "RepositoryUrl", "This is not a repository address; paste one like "
                         "https://github.com/acme/app."));
}

} // namespace

Result<RepositoryUrl> RepositoryUrl::parse(const QString& text, const QString& preferredProvider)
{
    QString input = text.trimmed();
    QString host;
    QString path;
    QString origin; // scheme://host[:port], where the API lives for Enterprise and self-managed
    static const QRegularExpression scpLike(QStringLiteral("^[A-Za-z0-9._-]+@([^:/\\s]+):(.+)$"));
    if (const auto match = scpLike.match(input); match.hasMatch()) {
        host = match.captured(1).toLower();
        path = match.captured(2);
        origin = QStringLiteral("https://") + host;
    } else {
        const QUrl url(input, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() ||
            (scheme != u"https" && scheme != u"http" && scheme != u"ssh"))
            return notARepository();
        if (scheme == u"http")
            if (const QString message = FieldCheck::url(
                    input, QCoreApplication::translate("RepositoryUrl", "the repository address"));
                !message.isEmpty())
                return Error::usage(message);
        host = url.host().toLower();
        path = url.path();
        origin =
            (scheme == u"ssh" ? QStringLiteral("https") : scheme) + QStringLiteral("://") + host +
            (url.port() > 0 && scheme != u"ssh" ? u':' + QString::number(url.port()) : QString());
    }

    if (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(QStringLiteral(".git")))
        path.chop(4);
    // Browser addresses carry views after the repository: /-/tree/main, /tree/main, /src/...
    if (const qsizetype dash = path.indexOf(QStringLiteral("/-/")); dash >= 0)
        path.truncate(dash);
    QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    if (segments.size() < 2)
        return notARepository();

    RepositoryUrl result;
    result.host = host;
    const bool isGitLab =
        host == u"gitlab.com" || host.contains(QStringLiteral("gitlab")) ||
        (host != u"github.com" && host != u"bitbucket.org" && preferredProvider == u"gitlab");
    if (isGitLab) {
        result.provider = QStringLiteral("gitlab");
        result.project = segments.join(u'/');
        result.repo = segments.last();
        segments.removeLast();
        result.owner = segments.join(u'/');
        if (host != u"gitlab.com")
            result.apiUrl = origin + QStringLiteral("/api/v4");
        if (!FieldCheck::projectPath(result.project, {}).isEmpty())
            return notARepository();
        return result;
    }

    result.owner = segments.at(0);
    result.repo = segments.at(1);
    if (host == u"bitbucket.org") {
        result.provider = QStringLiteral("bitbucket");
    } else if (host == u"github.com") {
        result.provider = QStringLiteral("github");
    } else {
        result.provider = QStringLiteral("github-enterprise");
        result.apiUrl = origin + QStringLiteral("/api/v3");
    }
    if (!FieldCheck::slug(result.owner, {}).isEmpty() ||
        !FieldCheck::slug(result.repo, {}).isEmpty())
        return notARepository();
    return result;
}

} // namespace ReleaseDeck
