#pragma once

#include <QWizard>

namespace ReleaseDeck {

class ConnectionBackend;
class WelcomePage;
class WizardController;

// The first-launch wizard: workspace, database, source control, Slack, Jira, CI, summary.
// It only renders its WizardController; nothing is saved before Finish, and Cancel
// leaves nothing behind.
class OnboardingWizard : public QWizard
{
    Q_OBJECT

public:
    explicit OnboardingWizard(ConnectionBackend& backend, QWidget* parent = nullptr);

    WizardController& controller() const { return *m_controller; }
    // The sandbox is being made, or could not be (error): the first page says so.
    void showSandboxProgress(bool busy, const QString& error = {});

signals:
    // "Explore with a sandbox" on the first page.
    void sandboxRequested();

public slots:
    void reject() override;

private:
    void followPage(int id);

    WizardController* m_controller;
    WelcomePage* m_welcome;
};

} // namespace ReleaseDeck
