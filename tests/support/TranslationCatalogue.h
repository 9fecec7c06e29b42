#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ReleaseDeck::Test {

// One message of a Qt Linguist .ts file.
struct CatalogueMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             // empty when finished; "unfinished", "vanished", "obsolete"
    QStringList translations; // the numerus forms, or the one translation
    QString key() const;      // context, source and comment: what identifies it
};

// The .ts files the translation tests compare: the committed English catalogue, and what
// lupdate finds now in the folders whose texts the app shows (RELEASEDECK_TRANSLATED_DIRS:
// ui/ and core's field texts).
class TranslationCatalogue
{
public:
    // translations/releasedeck_en.ts in the source tree.
    static QString englishFile();
    static QList<CatalogueMessage> read(const QString& path, QString* error);
    // Runs the build's lupdate over those folders into path (updated when it exists), with options
    // such as -pluralonly; false and *error when lupdate fails.
    static bool extract(const QString& path, const QStringList& options, QString* error);
};

} // namespace ReleaseDeck::Test
