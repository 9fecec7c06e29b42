#include "FieldCheck.h"

#include "ProviderConfig.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace ReleaseDeck {

namespace {

bool hasSpace(const QString& value)
{
    return std::any_of(value.cbegin(), value.cend(), [](QChar c) { return c.isSpace(); });
}

QString missing(const QString& noun)
{
    return FieldCheck::tr("Enter %1.").arg(noun);
}

QString tooLong(const QString& noun, int maxLength)
{
    return FieldCheck::tr("Shorten %1 to at most %2 characters.").arg(noun).arg(maxLength);
}

// The one spelling of an owner, repository, workspace or project path segment.
const QRegularExpression& slugPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]+$"));
    return pattern;
}

} // namespace

QString FieldCheck::alternatives(const QStringList& words)
{
    if (words.size() < 2)
        return words.join(QString());
    return tr("%1 or %2")
        .arg(words.mid(0, words.size() - 1).join(QStringLiteral(", ")), words.constLast());
}

QString FieldCheck::capitalized(const QString& noun)
{
    return noun.left(1).toUpper() + noun.mid(1);
}

QString FieldCheck::of(FieldKind kind, const QString& value, const QString& noun,
                       const QStringList& options)
{
    switch (kind) {
    case FieldKind::Text:
        return text(value, noun);
    case FieldKind::Url:
        return url(value, noun);
    case FieldKind::Slug:
        return slug(value, noun);
    case FieldKind::ProjectPath:
        return projectPath(value, noun);
    case FieldKind::Email:
        return email(value, noun);
    case FieldKind::UserName:
        return userName(value, noun);
    case FieldKind::SlackChannel:
        return slackChannel(value, noun);
    case FieldKind::ProjectKey:
        return projectKey(value, noun);
    case FieldKind::JobPath:
        return jobPath(value, noun);
    case FieldKind::Choice:
        return choice(value, noun, options);
    }
    return {};
}

QString FieldCheck::text(const QString& value, const QString& noun, int maxLength)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return missing(noun);
    if (trimmed.size() > maxLength)
        return tooLong(noun, maxLength);
    return {};
}

QString FieldCheck::url(const QString& value, const QString& noun)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return missing(noun);
    if (trimmed.size() > MaxUrlLength)
        return tooLong(noun, MaxUrlLength);
    if (hasSpace(trimmed))
        return FieldCheck::tr("%1 cannot contain spaces.").arg(capitalized(noun));
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return FieldCheck::tr("Enter %1 as a URL starting with https://, e.g. https://example.com.")
            .arg(noun);
    if (!url.userInfo().isEmpty())
        return FieldCheck::tr("%1 must not contain a user name or password.")
            .arg(capitalized(noun));
    if (scheme == QLatin1String("http") && !ProviderConfig::isLocalHost(url.host()))
        return FieldCheck::tr("Use https:// for %1; plain http:// is only allowed for this "
                              "computer.")
            .arg(noun);
    return {};
}

QString FieldCheck::slug(const QString& value, const QString& noun)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return missing(noun);
    if (hasSpace(trimmed))
        return FieldCheck::tr("%1 contains spaces; use the name as it appears in the URL.")
            .arg(capitalized(noun));
    if (trimmed.size() > MaxNameLength)
        return tooLong(noun, MaxNameLength);
    if (!slugPattern().match(trimmed).hasMatch())
        return FieldCheck::tr("%1 may only contain letters, digits, '.', '-' and '_'.")
            .arg(capitalized(noun));
    return {};
}

QString FieldCheck::projectPath(const QString& value, const QString& noun)
{
    QString path = value.trimmed();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.isEmpty())
        return missing(noun);
    if (hasSpace(path))
        return FieldCheck::tr("%1 contains spaces; use the path from the project's URL, like "
                              "group/app.")
            .arg(capitalized(noun));
    if (path.size() > MaxPathLength)
        return tooLong(noun, MaxPathLength);
    const QStringList segments = path.split(QLatin1Char('/'));
    if (segments.size() < 2 ||
        std::any_of(segments.cbegin(), segments.cend(),
                    [](const QString& s) { return !slugPattern().match(s).hasMatch(); }))
        return FieldCheck::tr("%1 is not a path like group/app or group/subgroup/app.")
            .arg(capitalized(noun));
    return {};
}

QString FieldCheck::email(const QString& value, const QString& noun)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return missing(noun);
    if (trimmed.size() > MaxEmailLength)
        return tooLong(noun, MaxEmailLength);
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!shape.match(trimmed).hasMatch())
        return FieldCheck::tr("Enter an email address like ana@example.com.");
    return {};
}

QString FieldCheck::userName(const QString& value, const QString& noun)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return missing(noun);
    if (hasSpace(trimmed) || trimmed.contains(QLatin1Char(':')))
        return FieldCheck::tr("%1 may not contain spaces or ':'.").arg(capitalized(noun));
    if (trimmed.size() > MaxNameLength)
        return tooLong(noun, MaxNameLength);
    return {};
}

QString FieldCheck::slackChannel(const QString& value, const QString& noun)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return missing(noun);
    if (trimmed.startsWith(QLatin1Char('#')))
        return FieldCheck::tr("Use the Slack channel's ID (like C0123ABCD) instead of its name "
                              "%1; Slack shows the ID at the bottom of the channel's details.")
            .arg(trimmed);
    static const QRegularExpression id(QStringLiteral("^[CG][A-Z0-9]{6,}$"));
    if (!id.match(trimmed).hasMatch())
        return FieldCheck::tr("%1 is not a channel ID like C0123ABCD.").arg(capitalized(noun));
    return {};
}

QString FieldCheck::projectKey(const QString& value, const QString& noun)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return missing(noun);
    static const QRegularExpression key(QStringLiteral("^[A-Z][A-Z0-9_]{1,9}$"));
    if (!key.match(trimmed).hasMatch())
        return FieldCheck::tr("%1 is not a key like APP: 2 to 10 capital letters, digits or '_', "
                              "starting with a letter.")
            .arg(capitalized(noun));
    return {};
}

QString FieldCheck::jobPath(const QString& value, const QString& noun)
{
    if (const QString message = text(value, noun, MaxPathLength); !message.isEmpty())
        return message;
    const QString trimmed = value.trimmed();
    if (trimmed.startsWith(QLatin1Char('/')) || trimmed.endsWith(QLatin1Char('/')) ||
        trimmed.contains(QStringLiteral("//")))
        return FieldCheck::tr("%1 is not a job's full name like folder/job.")
            .arg(capitalized(noun));
    return {};
}

QString FieldCheck::choice(const QString& value, const QString& noun, const QStringList& options)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return missing(noun);
    if (!options.contains(trimmed))
        return FieldCheck::tr("%1 \"%2\" is unknown; use %3.")
            .arg(capitalized(noun), trimmed, alternatives(options));
    return {};
}

} // namespace ReleaseDeck
