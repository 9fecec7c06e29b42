#include "TranslationCatalogue.h"
#include "Translations.h"
#include "widgets/RelativeTime.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The shipped English catalogue: plurals and times ahead read as English, a language
// Release Deck does not ship falls back to English, and the catalogue is complete and
// current with the sources.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        // Deleting a translator uninstalls it.
        qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator*>());
    }

    void relativeTimesReadAsEnglish_data()
    {
        QTest::addColumn<qint64>("secondsAgo"); // negative: ahead
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << qint64(20) << QStringLiteral("Just now");
        QTest::newRow("a moment ahead") << qint64(-20) << QStringLiteral("Just now");
        QTest::newRow("1 minute ago") << qint64(60) << QStringLiteral("1 minute ago");
        QTest::newRow("2 minutes ago") << qint64(150) << QStringLiteral("2 minutes ago");
        QTest::newRow("1 hour ago") << qint64(3600) << QStringLiteral("1 hour ago");
        QTest::newRow("5 hours ago") << qint64(5 * 3600) << QStringLiteral("5 hours ago");
        QTest::newRow("in 1 minute") << qint64(-60) << QStringLiteral("in 1 minute");
        QTest::newRow("in 3 minutes") << qint64(-200) << QStringLiteral("in 3 minutes");
        QTest::newRow("in 1 hour") << qint64(-3700) << QStringLiteral("in 1 hour");
        QTest::newRow("in 3 hours") << qint64(-3 * 3600) << QStringLiteral("in 3 hours");
    }

    void relativeTimesReadAsEnglish()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, text);
        QCOMPARE(Translations::install(*QCoreApplication::instance(),
                                       QLocale(QLocale::English, QLocale::UnitedStates)),
                 QStringLiteral("en"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(RelativeTime::describe(now.addSecs(-secondsAgo), now), text);
    }

    // Beyond a day, days are counted on the calendar where the user is.
    void daysReadAsEnglish_data()
    {
        QTest::addColumn<int>("days"); // from today; negative: past
        QTest::addColumn<QTime>("at");
        QTest::addColumn<QString>("text");
        QTest::newRow("yesterday") << -1 << QTime(1, 30) << QStringLiteral("Yesterday");
        QTest::newRow("tomorrow, 35 hours ahead")
            << 1 << QTime(23, 30) << QStringLiteral("Tomorrow");
        QTest::newRow("2 days ago") << -2 << QTime(1, 30) << QStringLiteral("2 days ago");
        QTest::newRow("in 2 days, only 36 hours ahead")
            << 2 << QTime(0, 30) << QStringLiteral("in 2 days");
        QTest::newRow("in 21 days") << 21 << QTime(9, 0) << QStringLiteral("in 21 days");
    }

    void daysReadAsEnglish()
    {
        QFETCH(int, days);
        QFETCH(QTime, at);
        QFETCH(QString, text);
        Translations::install(*QCoreApplication::instance(),
                              QLocale(QLocale::English, QLocale::UnitedKingdom));
        const QDateTime now(QDate(2025, 3, 12), QTime(12, 0));
        const QDateTime then(now.date().addDays(days), at);
        QCOMPARE(RelativeTime::describe(then.toUTC(), now.toUTC()), text);
    }

    void aLanguageNotShippedFallsBackToEnglish()
    {
        QCOMPARE(Translations::install(*QCoreApplication::instance(),
                                       QLocale(QLocale::German, QLocale::Germany)),
                 QStringLiteral("en"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(RelativeTime::describe(now.addSecs(-120), now), QStringLiteral("2 minutes ago"));
        QCOMPARE(RelativeTime::describe(now.addSecs(3 * 3600 + 5), now),
                 QStringLiteral("in 3 hours"));
    }

    // Every numerus message has its two English forms, nothing is left unfinished.
    void theEnglishCatalogueIsFinished()
    {
        QString error;
        const QList<CatalogueMessage> messages =
            TranslationCatalogue::read(TranslationCatalogue::englishFile(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        for (const CatalogueMessage& message : messages) {
            QVERIFY2(message.type.isEmpty(),
                     qPrintable(QStringLiteral("%1 is %2").arg(message.source, message.type)));
            QVERIFY2(message.numerus, qPrintable(message.source));
            QCOMPARE(message.translations.size(), 2);
            for (const QString& form : message.translations)
                QVERIFY2(form.contains(QLatin1String("%n")), qPrintable(message.source));
        }
    }

    // lupdate over today's sources finds exactly the committed messages; otherwise run
    // `cmake --build build --target update_translations` and fill in the new forms.
    void theEnglishCatalogueIsCurrent()
    {
        QTemporaryDir folder;
        const QString fresh = folder.filePath(QStringLiteral("releasedeck_en.ts"));
        QVERIFY(QFile::copy(TranslationCatalogue::englishFile(), fresh));
        QFile::setPermissions(fresh, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        QVERIFY2(TranslationCatalogue::extract(
                     fresh,
                     {QStringLiteral("-pluralonly"), QStringLiteral("-no-obsolete"),
                      QStringLiteral("-locations"), QStringLiteral("none"),
                      QStringLiteral("-target-language"), QStringLiteral("en")},
                     &error),
                 qPrintable(error));
        QSet<QString> committed;
        for (const CatalogueMessage& message :
             TranslationCatalogue::read(TranslationCatalogue::englishFile(), &error))
            committed.insert(message.key());
        QStringList stale;
        QSet<QString> found;
        const QList<CatalogueMessage> now = TranslationCatalogue::read(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const CatalogueMessage& message : now) {
            found.insert(message.key());
            if (!committed.contains(message.key()) || !message.type.isEmpty())
                stale.append(QStringLiteral("new: %1 (%2)").arg(message.source, message.context));
        }
        for (const QString& key : std::as_const(committed)) {
            if (!found.contains(key))
                stale.append(QStringLiteral("gone: %1").arg(key.section(u'\x1f', 1, 1)));
        }
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("translations/releasedeck_en.ts is stale; run "
                                           "update_translations:\n") +
                            stale.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
