#include "wizard/DatabasePage.h"

#include "backend/WorkspaceSummary.h"
#include "widgets/BusyIndicator.h"
#include "widgets/FieldMessage.h"
#include "wizard/DatabaseStep.h"
#include "wizard/WorkspaceStep.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWizard>

namespace ReleaseDeck {

DatabasePage::DatabasePage(DatabaseStep& step, const WorkspaceStep& workspace, QWidget* parent)
    : QWizardPage(parent)
    , m_step(step)
    , m_workspace(workspace)
    , m_local(new QRadioButton(tr("&On this computer"), this))
    , m_shared(new QRadioButton(tr("&Shared server (MariaDB or MySQL)"), this))
    , m_form(new QFormLayout)
    , m_port(new QSpinBox(this))
    , m_password(new QLineEdit(this))
    , m_tls(new QCheckBox(tr("Use T&LS (encrypted connection)"), this))
    , m_portMessage(new FieldMessage(this))
    , m_test(new QPushButton(tr("Test &connection"), this))
    , m_busy(new BusyIndicator(this))
    , m_testMessage(new FieldMessage(this))
    , m_workspaces(new QComboBox(this))
{
    setObjectName(QStringLiteral("databasePage"));
    setTitle(tr("Where your data lives"));
    setSubTitle(tr("Working alone, keep it on this computer. A team shares one MariaDB or MySQL "
                   "server, so everyone sees the same releases."));

    m_local->setObjectName(QStringLiteral("localDatabaseRadio"));
    m_shared->setObjectName(QStringLiteral("sharedDatabaseRadio"));
    m_local->setChecked(true);
    auto* choice = new QButtonGroup(this);
    choice->addButton(m_local);
    choice->addButton(m_shared);
    auto* localHint = new QLabel(tr("A private file in your profile. Nothing to set up."), this);
    localHint->setEnabled(false);
    localHint->setIndent(24);

    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setContentsMargins(24, 0, 0, 0);
    m_host = addField(QStringLiteral("host"), tr("&Host:"), &m_hostMessage);
    m_host->setPlaceholderText(tr("db.example.com"));
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(0, 65535);
    m_port->setValue(step.draft().port);
    m_port->setMinimumWidth(m_port->fontMetrics().horizontalAdvance(QStringLiteral("000000")) * 2);
    m_port->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_portMessage->setObjectName(QStringLiteral("portMessage"));
    m_form->addRow(tr("Po&rt:"), m_port);
    m_form->addRow(QString(), m_portMessage);
    m_database = addField(QStringLiteral("database"), tr("&Database:"), &m_databaseMessage);
    m_database->setPlaceholderText(tr("releasedeck"));
    m_user = addField(QStringLiteral("user"), tr("Your &user:"), &m_userMessage);
    m_user->setPlaceholderText(tr("Your own database account: it is who you are here"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Kept in the system keychain"));
    m_form->addRow(tr("Pass&word:"), m_password);
    m_tls->setObjectName(QStringLiteral("tlsCheck"));
    m_tls->setChecked(step.draft().tls);
    m_form->addRow(QString(), m_tls);

    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setAutoDefault(false);
    m_busy->setObjectName(QStringLiteral("testConnectionBusy"));
    m_testMessage->setObjectName(QStringLiteral("testConnectionMessage"));
    m_testMessage->setWordWrap(true);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_busy);
    testRow->addWidget(m_testMessage, 1);
    m_form->addRow(QString(), testRow);
    m_workspaces->setObjectName(QStringLiteral("existingWorkspaceCombo"));
    m_workspaces->setAccessibleName(tr("Workspace to join"));
    m_form->addRow(tr("Wor&kspace to join:"), m_workspaces);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_local);
    layout->addWidget(localHint);
    layout->addSpacing(8);
    layout->addWidget(m_shared);
    layout->addLayout(m_form);
    layout->addStretch(1);

    QWidget* previous = m_local;
    for (QWidget* next : {static_cast<QWidget*>(m_shared), static_cast<QWidget*>(m_host),
                          static_cast<QWidget*>(m_port), static_cast<QWidget*>(m_database),
                          static_cast<QWidget*>(m_user), static_cast<QWidget*>(m_password),
                          static_cast<QWidget*>(m_tls), static_cast<QWidget*>(m_test),
                          static_cast<QWidget*>(m_workspaces)}) {
        setTabOrder(previous, next);
        previous = next;
    }

    connect(m_shared, &QRadioButton::toggled, this,
            [this](bool shared) { m_step.setShared(shared); });
    connect(m_host, &QLineEdit::textEdited, this, [this](const QString& t) { m_step.setHost(t); });
    connect(m_port, &QSpinBox::valueChanged, this, [this](int port) { m_step.setPort(port); });
    connect(m_database, &QLineEdit::textEdited, this,
            [this](const QString& t) { m_step.setDatabase(t); });
    connect(m_user, &QLineEdit::textEdited, this, [this](const QString& t) { m_step.setUser(t); });
    connect(m_password, &QLineEdit::textEdited, this,
            [this](const QString& t) { m_step.setPassword(t); });
    connect(m_tls, &QCheckBox::toggled, this, [this](bool tls) { m_step.setTls(tls); });
    connect(m_test, &QPushButton::clicked, this, [this] { m_step.test(); });
    connect(m_workspaces, &QComboBox::activated, this, [this](int index) {
        m_step.chooseWorkspace(m_workspaces->itemData(index).toLongLong());
    });
    connect(&step, &DatabaseStep::changed, this, [this] {
        render();
        emit completeChanged();
    });
    connect(&workspace, &WorkspaceStep::changed, this, [this] {
        render();
        emit completeChanged();
    });
    // Nextcloud-style: Next started the test; its success moves on by itself.
    connect(&step, &DatabaseStep::testFinished, this, [this](bool succeeded) {
        const bool advance = m_advanceAfterTest && succeeded && !m_workspace.joining();
        m_advanceAfterTest = false;
        if (advance && wizard() && wizard()->currentPage() == this)
            wizard()->next();
    });
    render();
}

QLineEdit* DatabasePage::addField(const QString& name, const QString& label, FieldMessage** message)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(name + QStringLiteral("Edit"));
    QString accessible = label;
    edit->setAccessibleName(accessible.remove(u'&').remove(u':'));
    *message = new FieldMessage(this);
    (*message)->setObjectName(name + QStringLiteral("Message"));
    m_form->addRow(label, edit);
    m_form->addRow(QString(), *message);
    return edit;
}

bool DatabasePage::isComplete() const
{
    if (m_step.busy())
        return false;
    if (m_step.draft().shared && m_step.testState() != DatabaseStep::TestState::Succeeded)
        return m_step.fieldsValid();
    return m_step.isComplete(m_workspace.joining());
}

bool DatabasePage::validatePage()
{
    if (m_step.isComplete(m_workspace.joining()))
        return true;
    if (m_step.draft().shared && m_step.testState() != DatabaseStep::TestState::Succeeded) {
        m_advanceAfterTest = true;
        m_step.test();
    }
    return false;
}

void DatabasePage::render()
{
    const DatabaseDraft draft = m_step.draft();
    const bool joining = m_workspace.joining();
    m_local->setEnabled(!joining);
    if (joining && !draft.shared)
        m_shared->setChecked(true);
    else
        (draft.shared ? m_shared : m_local)->setChecked(true);
    for (QWidget* field : {static_cast<QWidget*>(m_host), static_cast<QWidget*>(m_port),
                           static_cast<QWidget*>(m_database), static_cast<QWidget*>(m_user),
                           static_cast<QWidget*>(m_password), static_cast<QWidget*>(m_tls)})
        field->setEnabled(draft.shared && !m_step.busy());
    m_hostMessage->showMessage(m_step.fieldError(QStringLiteral("host")));
    m_portMessage->showMessage(m_step.fieldError(QStringLiteral("port")));
    m_databaseMessage->showMessage(m_step.fieldError(QStringLiteral("database")));
    m_userMessage->showMessage(m_step.fieldError(QStringLiteral("user")));
    m_test->setEnabled(draft.shared && !m_step.busy());
    m_busy->setBusy(m_step.busy());
    switch (m_step.testState()) {
    case DatabaseStep::TestState::Succeeded:
        m_testMessage->showMessage(m_step.testMessage(), FieldMessage::Tone::Success);
        break;
    case DatabaseStep::TestState::Failed:
        m_testMessage->showMessage(m_step.testMessage(), FieldMessage::Tone::Error);
        break;
    case DatabaseStep::TestState::Testing:
    case DatabaseStep::TestState::NotTested:
        m_testMessage->showMessage(m_step.testMessage(), FieldMessage::Tone::Neutral);
        break;
    }

    m_workspaces->clear();
    for (const WorkspaceSummary& workspace : m_step.workspaces())
        m_workspaces->addItem(workspace.name, workspace.id);
    if (m_workspaces->count() == 0)
        m_workspaces->addItem(m_step.testState() == DatabaseStep::TestState::Succeeded
                                  ? tr("Your account is not a member of any workspace here")
                                  : tr("Test the connection to list its workspaces"));
    m_workspaces->setCurrentIndex(qMax(0, m_workspaces->findData(m_step.chosenWorkspace())));
    m_workspaces->setEnabled(!m_step.workspaces().isEmpty());
    m_form->setRowVisible(m_workspaces, joining);
}

} // namespace ReleaseDeck
