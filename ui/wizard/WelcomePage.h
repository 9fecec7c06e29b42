#pragma once

#include <QWizardPage>

class QCommandLinkButton;
class QLineEdit;
class QRadioButton;

namespace ReleaseDeck {

class FieldMessage;
class WorkspaceStep;

// Set up my team, or explore with a sandbox (when the app offers one); then who you are,
// and whether you start a workspace or join one on a shared server.
class WelcomePage : public QWizardPage
{
    Q_OBJECT

public:
    WelcomePage(WorkspaceStep& step, bool offerSandbox, QWidget* parent = nullptr);

    // The sandbox is being made (buttons off), or it could not be: why.
    void showSandboxProgress(bool busy, const QString& error = {});

    bool isComplete() const override;
    bool validatePage() override;

signals:
    // "Explore with a sandbox" was clicked.
    void sandboxRequested();

private:
    void render();

    WorkspaceStep& m_step;
    QCommandLinkButton* m_team;
    QCommandLinkButton* m_sandbox;
    FieldMessage* m_sandboxMessage;
    QRadioButton* m_create;
    QRadioButton* m_join;
    QLineEdit* m_workspace;
    QLineEdit* m_name;
    QLineEdit* m_email;
    FieldMessage* m_workspaceMessage;
    FieldMessage* m_nameMessage;
    FieldMessage* m_emailMessage;
};

} // namespace ReleaseDeck
