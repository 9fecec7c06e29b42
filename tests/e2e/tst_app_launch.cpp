#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "db/MigrationRunner.h"
#include "services/Identity.h"
#include "store/AccountStore.h"
#include "store/WorkspaceStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck;

namespace {

const QString Email = QStringLiteral("ana@example.com");

} // namespace

// The real `releasedeck`, started as a person starts it (offscreen, in this test's temporary
// profile and private keychain). It logs "onboarding wizard shown" or "main window shown"
// at info level once its first window is up; the test then sends SIGTERM, which the app
// handles like Quit, and expects exit code 0.
class TestAppLaunch : public QObject
{
    Q_OBJECT

private:
    struct Launch
    {
        std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
        QString err;
    };

    static std::unique_ptr<Launch> launch(const QString& rules = {},
                                          const QStringList& arguments = {})
    {
        auto launched = std::make_unique<Launch>();
        QProcess& app = *launched->process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), rules);
        app.setProcessEnvironment(environment);
        QObject::connect(&app, &QProcess::readyReadStandardError, &app,
                         [&app, raw = launched.get()] {
                             raw->err += QString::fromUtf8(app.readAllStandardError());
                         });
        app.start(qEnvironmentVariable("RELEASEDECK_APP"), arguments);
        return launched;
    }

    // SIGTERM, then the exit code (-1: it crashed or did not end within 10 s).
    static int terminate(Launch& launched, qint64* tookMs)
    {
        QElapsedTimer clock;
        clock.start();
        launched.process->terminate();
        const bool ended = launched.process->waitForFinished(10000);
        *tookMs = clock.elapsed();
        launched.err += QString::fromUtf8(launched.process->readAllStandardError());
        if (!ended) {
            launched.process->kill();
            launched.process->waitForFinished(5000);
            return -1;
        }
        return launched.process->exitStatus() == QProcess::NormalExit ? launched.process->exitCode()
                                                                      : -1;
    }

    static void finishedProfile()
    {
        Database database(DatabaseUrl::defaultLocal());
        QVERIFY(database.open().ok());
        QVERIFY(MigrationRunner(database).migrate().ok());
        Result<Account> account = Identity::signIn(database, QStringLiteral("Ana Lima"), Email);
        QVERIFY(account.ok());
        QVERIFY(WorkspaceStore(database).create(QStringLiteral("Acme Mobile"), account->id).ok());
        QSettings settings;
        settings.setValue(QStringLiteral("database/url"), DatabaseUrl::defaultLocal().toString());
        settings.sync();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("ReleaseDeck"));
        QVERIFY2(
            DatabaseUrl::defaultLocal().path.contains(QStringLiteral("/releasedeck-keychain.")),
            "runs only inside with-test-keychain.sh, never on a real profile");
    }

    void init()
    {
        QSettings().clear();
        QSettings().sync();
        QFile::remove(DatabaseUrl::defaultLocal().path);
    }

    void aFreshProfileShowsTheWizard()
    {
        std::unique_ptr<Launch> app = launch();
        QTRY_VERIFY2_WITH_TIMEOUT(app->err.contains(QLatin1String("onboarding wizard shown")),
                                  qPrintable(app->err), 30000);
        QVERIFY(!app->err.contains(QLatin1String("main window shown")));
        qint64 took = 0;
        QCOMPARE(terminate(*app, &took), 0);
        // Nothing is created before the wizard's Finish.
        QVERIFY(!QFile::exists(DatabaseUrl::defaultLocal().path));
    }

    void aFinishedProfileShowsTheMainWindowAndQuitsCleanly_data()
    {
        QTest::addColumn<QString>("rules");
        QTest::newRow("default") << QString();
        QTest::newRow("everything debug") << QStringLiteral("*.debug=true");
        QTest::newRow("qt debug") << QStringLiteral("qt.*.debug=true");
        QTest::newRow("releasedeck debug") << QStringLiteral("releasedeck.*.debug=true");
        QTest::newRow("everything off but the app")
            << QStringLiteral("*=false;releasedeck.ui.info=true");
    }

    void aFinishedProfileShowsTheMainWindowAndQuitsCleanly()
    {
        QFETCH(QString, rules);
        finishedProfile();
        std::unique_ptr<Launch> app = launch(rules);
        QTRY_VERIFY2_WITH_TIMEOUT(app->err.contains(QLatin1String("main window shown")),
                                  qPrintable(app->err.right(3000)), 30000);
        QVERIFY(!app->err.contains(QLatin1String("onboarding wizard shown")));
        qint64 took = 0;
        const int exitCode = terminate(*app, &took);
        QVERIFY2(exitCode == 0, qPrintable(app->err.right(3000)));
        QVERIFY2(took < 5000, qPrintable(QString::number(took)));
    }

    void aDatabaseGivenOnTheCommandLineOpensWithoutTheWizard()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("team.sqlite"));
        {
            DatabaseUrl url;
            url.dialect = Dialect::Sqlite;
            url.path = path;
            Database database(url);
            QVERIFY(database.open().ok());
            QVERIFY(MigrationRunner(database).migrate().ok());
            // The CLI's account on this machine, which the app acts as there.
            Result<Account> account =
                AccountStore(database).ensure(Identity::localLogin(), Identity::localLogin());
            QVERIFY(account.ok());
            QVERIFY(WorkspaceStore(database).create(QStringLiteral("Acme Web"), account->id).ok());
            QVERIFY(
                WorkspaceStore(database).create(QStringLiteral("Acme Mobile"), account->id).ok());
        }
        std::unique_ptr<Launch> app =
            launch({}, {QStringLiteral("--database"), QStringLiteral("sqlite:") + path,
                        QStringLiteral("--workspace"), QStringLiteral("Acme Mobile")});
        QTRY_VERIFY2_WITH_TIMEOUT(app->err.contains(QLatin1String("main window shown")),
                                  qPrintable(app->err.right(3000)), 30000);
        QVERIFY(!app->err.contains(QLatin1String("onboarding wizard shown")));
        qint64 took = 0;
        QCOMPARE(terminate(*app, &took), 0);
        QVERIFY2(took < 5000, qPrintable(QString::number(took)));
        // Only for that run: the profile still has no database of its own.
        QSettings().sync();
        QVERIFY(QSettings().value(QStringLiteral("database/url")).toString().isEmpty());
        QVERIFY(!QFile::exists(DatabaseUrl::defaultLocal().path));
    }

    void aMissingOrUnreachableDatabaseSaysSoAndOffersRetryAndQuit_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing file")
            << QStringLiteral("sqlite:%1/nowhere/none.sqlite").arg(QDir::tempPath())
            << QStringLiteral("There is no Release Deck database at");
        // Port 1 on this machine: nothing listens, the connection is refused at once.
        QTest::newRow("unreachable server")
            << QStringLiteral("mysql://ana@127.0.0.1:1/deck") << QStringLiteral("127.0.0.1");
    }

    void aMissingOrUnreachableDatabaseSaysSoAndOffersRetryAndQuit()
    {
        QFETCH(QString, url);
        QFETCH(QString, says);
        std::unique_ptr<Launch> app = launch({}, {QStringLiteral("--database"), url});
        QTRY_VERIFY2_WITH_TIMEOUT(app->err.contains(QLatin1String("database problem shown")),
                                  qPrintable(app->err.right(3000)), 30000);
        QVERIFY2(app->err.contains(says), qPrintable(app->err.right(3000)));
        QVERIFY(!app->err.contains(QLatin1String("onboarding wizard shown")));
        QVERIFY(!app->err.contains(QLatin1String("main window shown")));
        qint64 took = 0;
        QCOMPARE(terminate(*app, &took), 0);
        QVERIFY(!QFile::exists(QStringLiteral("%1/nowhere/none.sqlite").arg(QDir::tempPath())));
    }
};

QTEST_GUILESS_MAIN(TestAppLaunch)
#include "tst_app_launch.moc"
