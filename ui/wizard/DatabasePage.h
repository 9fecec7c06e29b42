#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace ReleaseDeck {

class BusyIndicator;
class DatabaseStep;
class FieldMessage;
class WorkspaceStep;

// Where the data lives: this computer, or a shared server that is tested before Next.
// Next on an untested server starts the test and moves on when it succeeds.
class DatabasePage : public QWizardPage
{
    Q_OBJECT

public:
    DatabasePage(DatabaseStep& step, const WorkspaceStep& workspace, QWidget* parent = nullptr);

    bool isComplete() const override;
    bool validatePage() override;

private:
    void render();
    QLineEdit* addField(const QString& name, const QString& label, FieldMessage** message);

    DatabaseStep& m_step;
    const WorkspaceStep& m_workspace;
    QRadioButton* m_local;
    QRadioButton* m_shared;
    QFormLayout* m_form;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password;
    QCheckBox* m_tls;
    FieldMessage* m_hostMessage = nullptr;
    FieldMessage* m_portMessage;
    FieldMessage* m_databaseMessage = nullptr;
    FieldMessage* m_userMessage = nullptr;
    QPushButton* m_test;
    BusyIndicator* m_busy;
    FieldMessage* m_testMessage;
    QComboBox* m_workspaces;
    bool m_advanceAfterTest = false;
};

} // namespace ReleaseDeck
