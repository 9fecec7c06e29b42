#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace ReleaseDeck {

// The language of the user interface: Release Deck's own catalogue for the locale when it
// ships one, English otherwise (its numerus forms make "1 minute ago" of "%n minute(s)
// ago"), and Qt's own texts (standard buttons) for the locale when the system has them.
class Translations
{
public:
    // Installs the translators on app (they live as its children); returns the language
    // of the catalogue loaded, e.g. "en".
    static QString install(QCoreApplication& app, const QLocale& locale = QLocale());
};

} // namespace ReleaseDeck
