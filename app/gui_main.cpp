#include "AppWindowFlow.h"
#include "TerminationSignals.h"
#include "Translations.h"
#include "Version.h"
#include "backend/AppBackend.h"
#include "backend/FutureReply.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/SingleInstance.h"
#include "desktop/Theme.h"
#include "logging/LogFile.h"
#include "logging/Logging.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>
#include <cstring>

int main(int argc, char* argv[])
{
    // Answered before QApplication exists, so it works without a display.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("releasedeck %s\n", qPrintable(ReleaseDeck::version()));
            return 0;
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ReleaseDeck"));
    QApplication::setOrganizationName(QStringLiteral("ReleaseDeck"));
    QApplication::setApplicationDisplayName(QStringLiteral("Release Deck"));
    QApplication::setApplicationVersion(ReleaseDeck::version());
    QApplication::setDesktopFileName(QStringLiteral("io.releasedeck.ReleaseDeck"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/releasedeck.svg")));
    ReleaseDeck::Translations::install(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs the release process of mobile and web apps."));
    parser.addHelpOption();
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("open this database (sqlite:PATH or mysql://USER@HOST:PORT/DB) for this "
                       "run, without the wizard; a shared server's password comes from the "
                       "keychain, as 'releasedeck-cli db login' stored it"),
        QStringLiteral("URL"));
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                             QStringLiteral("show this workspace first"),
                                             QStringLiteral("NAME"));
    parser.addOption(databaseOption);
    parser.addOption(workspaceOption);
    parser.process(app);

    const QString logPath = ReleaseDeck::LogFile::install(QStringLiteral("releasedeck.log"));
    qCInfo(lcApp).noquote() << "Release Deck" << ReleaseDeck::version() << "starting; log at"
                            << logPath;

    // One instance per user and profile: a second launch raises the first and steps aside.
    ReleaseDeck::SingleInstance instance;
    if (instance.claim() == ReleaseDeck::SingleInstance::Role::Secondary)
        return 0;
    ReleaseDeck::Theme::apply(ReleaseDeck::DesktopSettings::appearance());

    ReleaseDeck::TerminationSignals::quitOnTermination(app);
    ReleaseDeck::AppBackend backend;
    // Work still running ends at once; the backend's destructor then waits for it briefly.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&backend] { backend.stop(); });
    ReleaseDeck::AppWindowFlow flow(backend);
    QObject::connect(&flow, &ReleaseDeck::AppWindowFlow::setupAbandoned, &app,
                     &QCoreApplication::quit, Qt::QueuedConnection);
    QObject::connect(&flow, &ReleaseDeck::AppWindowFlow::quitRequested, &app,
                     &QCoreApplication::quit, Qt::QueuedConnection);
    ReleaseDeck::DesktopIntegration desktop(backend, flow);
    QObject::connect(&instance, &ReleaseDeck::SingleInstance::raiseRequested, &desktop,
                     &ReleaseDeck::DesktopIntegration::raiseWindow);
    QObject::connect(&desktop, &ReleaseDeck::DesktopIntegration::quitRequested, &app,
                     &QCoreApplication::quit, Qt::QueuedConnection);
    if (parser.isSet(databaseOption)) {
        // Opened directly: the main window on that database, or a dialog saying why not.
        backend.openDirectly(parser.value(databaseOption), parser.value(workspaceOption));
        flow.setPreferredWorkspace(parser.value(workspaceOption));
        const auto open = [&backend, &flow] {
            ReleaseDeck::whenFinished(backend.start(), &flow,
                                      [&flow](const ReleaseDeck::BackendStatus& status) {
                                          if (status.databaseReachable)
                                              flow.start();
                                          else
                                              flow.showDatabaseProblem(status.databaseError);
                                      });
        };
        QObject::connect(&flow, &ReleaseDeck::AppWindowFlow::retryRequested, &flow, open);
        open();
    } else if (backend.needsOnboarding()) {
        // Nothing is opened or created before the wizard finishes: Cancel leaves no trace.
        flow.start();
    } else {
        ReleaseDeck::whenFinished(backend.start(), &flow,
                                  [&flow](const ReleaseDeck::BackendStatus&) { flow.start(); });
    }
    const int exitCode = app.exec();
    qCInfo(lcApp) << "Release Deck quitting with exit code" << exitCode;
    return exitCode;
}
