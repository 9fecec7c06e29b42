#include "Migration.h"

namespace ReleaseDeck {

QStringList Migration::statements(const QByteArray& script)
{
    QStringList result;
    QString current;
    bool inBody = false;
    const QStringList lines = QString::fromUtf8(script).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (!inBody && trimmed.endsWith(QLatin1String("BEGIN"), Qt::CaseInsensitive) &&
            (trimmed.size() == 5 || trimmed.at(trimmed.size() - 6).isSpace()))
            inBody = true;
        const bool ends = inBody
                              ? !line.at(0).isSpace() &&
                                    trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                              : trimmed.endsWith(QLatin1Char(';'));
        if (ends) {
            inBody = false;
            current = current.trimmed();
            current.chop(1);
            result.append(current);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        result.append(current.trimmed());
    return result;
}

} // namespace ReleaseDeck
