#include "members/AddMemberDialog.h"

#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "widgets/BusyIndicator.h"
#include "widgets/DisplayNames.h"
#include "widgets/FieldMessage.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ReleaseDeck {

AddMemberDialog::AddMemberDialog(ConnectionBackend& backend, qint64 workspaceId, QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_workspaceId(workspaceId)
    , m_email(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_host(new QLineEdit(QStringLiteral("%"), this))
    , m_makePassword(new QRadioButton(tr("&Make a one-time password to hand over"), this))
    , m_setPassword(new QRadioButton(tr("S&et the password:"), this))
    , m_password(new QLineEdit(this))
    , m_form(new QWidget(this))
    , m_done(new QWidget(this))
    , m_doneText(new FieldMessage(m_done))
    , m_oneTimePassword(new QLineEdit(m_done))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_busy(new BusyIndicator(this))
    , m_error(new FieldMessage(this))
{
    setObjectName(QStringLiteral("addMemberDialog"));
    setWindowTitle(tr("Add a member"));

    const QList<std::pair<QString, QLineEdit*>> fields = {{QStringLiteral("email"), m_email},
                                                          {QStringLiteral("displayName"), m_name},
                                                          {QStringLiteral("dbUser"), m_user},
                                                          {QStringLiteral("dbHost"), m_host}};
    for (const auto& [key, edit] : fields) {
        edit->setObjectName(key + QStringLiteral("Edit"));
        auto* message = new FieldMessage(m_form);
        message->setObjectName(key + QStringLiteral("Message"));
        message->setWordWrap(true);
        m_messages.insert(key, message);
        connect(edit, &QLineEdit::textEdited, this, [this, key] {
            m_touched.insert(key);
            render();
        });
    }
    m_email->setAccessibleName(tr("E-mail"));
    m_email->setPlaceholderText(tr("bob@example.com"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("How teammates see them"));
    m_user->setAccessibleName(tr("Database user"));
    m_user->setPlaceholderText(tr("bob"));
    m_host->setAccessibleName(tr("Connects from"));
    m_host->setToolTip(tr("The host the server sees them connect from; % is any."));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_role->setAccessibleName(tr("Role"));
    for (Role role : {Role::Viewer, Role::Editor, Role::Owner})
        m_role->addItem(DisplayNames::role(role), int(role));
    m_makePassword->setObjectName(QStringLiteral("makePasswordRadio"));
    m_setPassword->setObjectName(QStringLiteral("setPasswordRadio"));
    m_makePassword->setChecked(true);
    m_password->setObjectName(QStringLiteral("memberPasswordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);

    auto* roles = new QLabel(tr("Viewers read; editors also run releases; owners also manage "
                                "connections and members."),
                             m_form);
    roles->setWordWrap(true);
    roles->setEnabled(false);
    auto* passwordHint = new QLabel(
        tr("Only for a database account the server does not have yet; an existing one keeps "
           "its password."),
        m_form);
    passwordHint->setWordWrap(true);
    passwordHint->setEnabled(false);

    auto* form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(QString(), m_messages.value(QStringLiteral("email")));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_messages.value(QStringLiteral("displayName")));
    form->addRow(tr("&Role:"), m_role);
    form->addRow(QString(), roles);
    form->addRow(tr("Database &user:"), m_user);
    form->addRow(QString(), m_messages.value(QStringLiteral("dbUser")));
    form->addRow(tr("Connects &from:"), m_host);
    form->addRow(QString(), m_messages.value(QStringLiteral("dbHost")));
    auto* passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_setPassword);
    passwordRow->addWidget(m_password, 1);
    form->addRow(tr("Password:"), m_makePassword);
    form->addRow(QString(), passwordRow);
    form->addRow(QString(), passwordHint);

    m_doneText->setObjectName(QStringLiteral("addedMessage"));
    m_doneText->setWordWrap(true);
    m_oneTimePassword->setObjectName(QStringLiteral("oneTimePasswordEdit"));
    m_oneTimePassword->setAccessibleName(tr("One-time password"));
    m_oneTimePassword->setReadOnly(true);
    auto* copy = new QPushButton(tr("&Copy"), m_done);
    copy->setObjectName(QStringLiteral("copyPasswordButton"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_oneTimePassword->text()); });
    auto* passwordLine = new QHBoxLayout;
    passwordLine->addWidget(m_oneTimePassword, 1);
    passwordLine->addWidget(copy);
    auto* doneLayout = new QVBoxLayout(m_done);
    doneLayout->setContentsMargins(0, 0, 0, 0);
    doneLayout->addWidget(m_doneText);
    doneLayout->addLayout(passwordLine);
    doneLayout->addStretch(1);
    m_done->setVisible(false);

    m_addButton = m_buttons->addButton(tr("&Add member"), QDialogButtonBox::AcceptRole);
    m_addButton->setObjectName(QStringLiteral("addMemberConfirmButton"));
    m_addButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_error->setObjectName(QStringLiteral("addMemberError"));
    m_error->setWordWrap(true);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_busy);
    bottom->addWidget(m_error, 1);
    bottom->addWidget(m_buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_done);
    layout->addLayout(bottom);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddMemberDialog::add);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_setPassword, &QRadioButton::toggled, this, &AddMemberDialog::render);
    connect(m_password, &QLineEdit::textEdited, this, &AddMemberDialog::render);
    render();
}

MemberDraft AddMemberDialog::draft() const
{
    MemberDraft draft;
    draft.email = m_email->text().trimmed();
    draft.displayName = m_name->text().trimmed();
    draft.role = Role(m_role->currentData().toInt());
    draft.dbUser = m_user->text().trimmed();
    draft.dbHost = m_host->text().trimmed();
    if (m_setPassword->isChecked())
        draft.password = m_password->text();
    return draft;
}

void AddMemberDialog::add()
{
    if (m_added) {
        accept();
        return;
    }
    for (const QString& key : m_messages.keys())
        m_touched.insert(key);
    const MemberDraft member = draft();
    if (!member.validate() || (m_setPassword->isChecked() && member.password.isEmpty()) ||
        m_adding) {
        render();
        return;
    }
    m_adding = true;
    m_error->showMessage({});
    render();
    whenFinished(m_backend.addMember(m_workspaceId, member), this,
                 [this, member](const Result<MemberAdded>& added) {
                     m_adding = false;
                     m_password->clear();
                     if (!added) {
                         m_error->showMessage(added.error().message);
                         render();
                         return;
                     }
                     m_added = true;
                     if (added->oneTimePassword.isEmpty()) {
                         accept();
                         return;
                     }
                     // Shown here once: nothing keeps it.
                     m_doneText->showMessage(
                         tr("%1 can sign in as the database user %2 with this one-time "
                            "password. Hand it over privately; it is not shown again.")
                             .arg(member.displayName, member.dbUser),
                         FieldMessage::Tone::Success);
                     m_oneTimePassword->setText(added->oneTimePassword);
                     render();
                 });
}

void AddMemberDialog::render()
{
    const MemberDraft member = draft();
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it)
        it.value()->showMessage(m_touched.contains(it.key()) ? member.fieldError(it.key())
                                                             : QString());
    m_password->setEnabled(m_setPassword->isChecked());
    m_form->setVisible(!m_added);
    m_done->setVisible(m_added);
    m_busy->setBusy(m_adding);
    m_form->setEnabled(!m_adding);
    m_addButton->setText(m_added ? tr("&Done") : tr("&Add member"));
    m_addButton->setEnabled(!m_adding);
    m_buttons->button(QDialogButtonBox::Cancel)->setVisible(!m_added);
}

} // namespace ReleaseDeck
