#include "TranslationCatalogue.h"

#include <QFile>
#include <QProcess>
#include <QXmlStreamReader>

namespace ReleaseDeck::Test {

QString CatalogueMessage::key() const
{
    return context + u'\x1f' + source + u'\x1f' + comment;
}

QString TranslationCatalogue::englishFile()
{
    return QStringLiteral(RELEASEDECK_SOURCE_DIR "/translations/releasedeck_en.ts");
}

QList<CatalogueMessage> TranslationCatalogue::read(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1.").arg(path);
        return {};
    }
    QList<CatalogueMessage> messages;
    QString context;
    CatalogueMessage message;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        // A numerus message is complete at </translation>, after its forms.
        if (xml.isEndElement() && xml.name() == u"translation" && message.numerus)
            messages.append(message);
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"context") {
            context.clear();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = {};
            message.context = context;
            message.numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QStringLiteral("type")).toString();
            if (!message.numerus) {
                message.translations = {xml.readElementText()};
                messages.append(message);
            }
        } else if (name == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1 is not a valid .ts file: %2").arg(path, xml.errorString());
        return {};
    }
    return messages;
}

bool TranslationCatalogue::extract(const QString& path, const QStringList& options, QString* error)
{
    QStringList arguments;
    for (const QString& folder :
         QStringLiteral(RELEASEDECK_TRANSLATED_DIRS).split(u',', Qt::SkipEmptyParts))
        arguments << QStringLiteral(RELEASEDECK_SOURCE_DIR "/") + folder;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(RELEASEDECK_LUPDATE),
                  arguments + QStringList{QStringLiteral("-ts"), path} + options);
    if (!lupdate.waitForFinished(120000) || lupdate.exitStatus() != QProcess::NormalExit ||
        lupdate.exitCode() != 0) {
        *error = QStringLiteral("lupdate failed: %1")
                     .arg(QString::fromUtf8(lupdate.readAll()) + lupdate.errorString());
        return false;
    }
    return true;
}

} // namespace ReleaseDeck::Test
