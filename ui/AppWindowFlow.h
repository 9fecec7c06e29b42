#pragma once

#include <QMessageBox>
#include <QObject>
#include <QPointer>

namespace ReleaseDeck {

class ConnectionBackend;
class MainWindow;
class OnboardingWizard;

// Which window the app shows: the onboarding wizard on first launch (no database or no
// workspace yet), the main window afterwards; "Set up again…" reopens the wizard.
class AppWindowFlow : public QObject
{
    Q_OBJECT

public:
    explicit AppWindowFlow(ConnectionBackend& backend, QObject* parent = nullptr);
    ~AppWindowFlow() override;

    void start();
    // The main window shows this workspace first (--workspace NAME).
    void setPreferredWorkspace(const QString& workspaceName);
    // The database named on the command line could not be opened: a dialog says why and
    // offers Retry and Quit (never the wizard).
    void showDatabaseProblem(const QString& error);
    // Brings the app's window to the front (a second launch asked): the main window, or
    // the wizard or the database problem while those are what the app shows.
    void raiseWindow();
    MainWindow* mainWindow() const;
    OnboardingWizard* wizard() const;

signals:
    // The first-launch wizard was cancelled: there is nothing to show, the app should quit.
    void setupAbandoned();
    // The database problem dialog's answers.
    void retryRequested();
    void quitRequested();
    // The main window is shown, made anew or again (after the wizard).
    void mainWindowShown(ReleaseDeck::MainWindow* window);

private:
    void openWizard(bool firstLaunch);
    void showMainWindow();
    // "Explore with a sandbox": makes (or finds) the sandbox, closes the wizard and shows
    // the main window on it.
    void exploreSandbox();

    ConnectionBackend& m_backend;
    QPointer<MainWindow> m_main;
    QPointer<OnboardingWizard> m_wizard;
    QPointer<QMessageBox> m_problem;
    QString m_preferredWorkspace;
    bool m_exploring = false;
};

} // namespace ReleaseDeck
