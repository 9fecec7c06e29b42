#include "GitRefName.h"

namespace ReleaseDeck {

QString GitRefName::problem(const QString& name, const QString& what)
{
    if (name.trimmed().isEmpty())
        return tr("The %1 is empty.").arg(what);
    for (const QChar c : name) {
        if (c.isSpace())
            return tr("The %1 '%2' contains a space; branch and tag names cannot.").arg(what, name);
        if (c.unicode() < 0x20 || c == QLatin1Char('~') || c == QLatin1Char('^') ||
            c == QLatin1Char(':') || c == QLatin1Char('?') || c == QLatin1Char('*') ||
            c == QLatin1Char('[') || c == QLatin1Char('\\') || c.unicode() == 0x7f)
            return tr("The %1 '%2' contains '%3', which git does not allow in names.")
                .arg(what, name, QString(c));
    }
    if (name.startsWith(QLatin1Char('-')) || name.startsWith(QLatin1Char('/')) ||
        name.endsWith(QLatin1Char('/')) || name.endsWith(QLatin1Char('.')) ||
        name.endsWith(QLatin1String(".lock")) || name.contains(QLatin1String("..")) ||
        name.contains(QLatin1String("//")) || name.contains(QLatin1String("@{")) ||
        name == QLatin1String("@"))
        return tr("The %1 '%2' is not a valid git branch or tag name.").arg(what, name);
    return {};
}

} // namespace ReleaseDeck
