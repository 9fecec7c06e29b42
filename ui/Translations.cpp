#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ReleaseDeck {

QString Translations::install(QCoreApplication& app, const QLocale& locale)
{
    auto* own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("releasedeck"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")) &&
        !own->load(QStringLiteral(":/i18n/releasedeck_en.qm"))) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);

    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return own->language();
}

} // namespace ReleaseDeck
