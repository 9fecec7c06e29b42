#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// One `releasedeck` per user and profile, with real processes (offscreen, in this test's
// profile and private keychain): a second launch asks the running one to raise its window
// and exits 0; a socket file left by a killed instance does not stop the next launch; a
// different profile runs beside it.
class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    struct Launch
    {
        std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
        QString err;
    };

    static std::unique_ptr<Launch> launch(const QString& configHome = {})
    {
        auto launched = std::make_unique<Launch>();
        QProcess& app = *launched->process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!configHome.isEmpty())
            environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
        app.setProcessEnvironment(environment);
        QObject::connect(&app, &QProcess::readyReadStandardError, &app,
                         [&app, raw = launched.get()] {
                             raw->err += QString::fromUtf8(app.readAllStandardError());
                         });
        app.start(qEnvironmentVariable("RELEASEDECK_APP"), QStringList());
        return launched;
    }

    // Up: its window shows and it listens for later launches.
    static bool waitUntilRunning(Launch& app)
    {
        return QTest::qWaitFor(
            [&app] {
                return app.err.contains(QLatin1String("onboarding wizard shown")) &&
                       app.err.contains(QLatin1String("single instance: listening as"));
            },
            30000);
    }

    // The name the instance listens on, as it logged it.
    static QString serverName(const Launch& app)
    {
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("listening as (\\S+)")).match(app.err);
        return match.captured(1);
    }

    // SIGTERM, then the exit code (-1: it crashed or did not end within 10 s).
    static int terminate(Launch& app)
    {
        app.process->terminate();
        const bool ended = app.process->waitForFinished(10000);
        app.err += QString::fromUtf8(app.process->readAllStandardError());
        if (!ended) {
            app.process->kill();
            app.process->waitForFinished(5000);
            return -1;
        }
        return app.process->exitStatus() == QProcess::NormalExit ? app.process->exitCode() : -1;
    }

    // A second launch: it must end by itself with 0 after the first raised its window.
    static void secondLaunchRaises(Launch& first)
    {
        std::unique_ptr<Launch> second = launch();
        QVERIFY2(second->process->waitForFinished(20000), qPrintable(second->err));
        second->err += QString::fromUtf8(second->process->readAllStandardError());
        QCOMPARE(second->process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->process->exitCode(), 0);
        QVERIFY2(second->err.contains(QLatin1String("another instance runs; it raised its window")),
                 qPrintable(second->err));
        QVERIFY2(!second->err.contains(QLatin1String("onboarding wizard shown")),
                 qPrintable(second->err));
        QTRY_VERIFY2(first.err.contains(QLatin1String("a second launch asked to raise the window")),
                     qPrintable(first.err));
        QTRY_VERIFY2(
            first.err.contains(QLatin1String("raised onboardingWizard for a second launch")),
            qPrintable(first.err));
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("ReleaseDeck"));
        QSettings().clear();
        QSettings().sync();
    }

    void aSecondLaunchRaisesTheFirstAndExitsZero()
    {
        std::unique_ptr<Launch> first = launch();
        QVERIFY2(waitUntilRunning(*first), qPrintable(first->err));
        secondLaunchRaises(*first);
        // Raised twice, still one instance.
        secondLaunchRaises(*first);
        QCOMPARE(first->process->state(), QProcess::Running);
        QCOMPARE(terminate(*first), 0);
    }

    void aSocketLeftByACrashIsReplaced()
    {
        std::unique_ptr<Launch> crashed = launch();
        QVERIFY2(waitUntilRunning(*crashed), qPrintable(crashed->err));
        const QString socket = QDir(QDir::tempPath()).filePath(serverName(*crashed));
        QVERIFY2(QFileInfo(socket).exists(), qPrintable(socket));
        crashed->process->kill();
        QVERIFY(crashed->process->waitForFinished(10000));
        // Killed, it could not remove its socket file.
        QVERIFY2(QFileInfo(socket).exists(), qPrintable(socket));

        std::unique_ptr<Launch> next = launch();
        QVERIFY2(waitUntilRunning(*next), qPrintable(next->err));
        QCOMPARE(serverName(*next), serverName(*crashed));
        QCOMPARE(next->process->state(), QProcess::Running);
        // It is the one later launches find.
        secondLaunchRaises(*next);
        QCOMPARE(terminate(*next), 0);
    }

    void anotherProfileRunsBesideIt()
    {
        QTemporaryDir otherConfig;
        std::unique_ptr<Launch> first = launch();
        QVERIFY2(waitUntilRunning(*first), qPrintable(first->err));
        std::unique_ptr<Launch> other = launch(otherConfig.path());
        QVERIFY2(waitUntilRunning(*other), qPrintable(other->err));
        QVERIFY(serverName(*other) != serverName(*first));
        QCOMPARE(terminate(*other), 0);
        QCOMPARE(terminate(*first), 0);
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
