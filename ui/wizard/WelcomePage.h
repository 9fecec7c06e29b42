#pragma once

#include <QWizardPage>

class QLineEdit;
class QRadioButton;

namespace ReleaseDeck {

class FieldMessage;
class WorkspaceStep;

// Who you are, and whether you start a workspace or join one on a shared server.
class WelcomePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WelcomePage(WorkspaceStep& step, QWidget* parent = nullptr);

    bool isComplete() const override;
    bool validatePage() override;

private:
    void render();

    WorkspaceStep& m_step;
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
