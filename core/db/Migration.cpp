#include "Migration.h"

namespace ReleaseDeck {

QStringList Migration::statements(const QByteArray& script)
{
    QStringList result;
    QString current;
    const QStringList lines = QString::fromUtf8(script).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
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
