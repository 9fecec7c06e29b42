#pragma once

#include "model/MemberDraft.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ReleaseDeck {

class BusyIndicator;
class ConnectionBackend;
class FieldMessage;

// An OWNER adds a member on a shared server: e-mail, name, role and the database user they
// will sign in as (created unless the server has it already), with a password the owner sets
// or a one-time password Release Deck makes. After Add, a made password is shown here once,
// for the owner to hand over, and the dialog only closes.
class AddMemberDialog : public QDialog
{
    Q_OBJECT

public:
    AddMemberDialog(ConnectionBackend& backend, qint64 workspaceId, QWidget* parent = nullptr);

    MemberDraft draft() const;
    // Whether a member was added (the page reloads then, however the dialog closes).
    bool added() const { return m_added; }

private:
    void add();
    void render();

    ConnectionBackend& m_backend;
    qint64 m_workspaceId;
    QLineEdit* m_email;
    QLineEdit* m_name;
    QComboBox* m_role;
    QLineEdit* m_user;
    QLineEdit* m_host;
    QRadioButton* m_makePassword;
    QRadioButton* m_setPassword;
    QLineEdit* m_password;
    QHash<QString, FieldMessage*> m_messages;
    QWidget* m_form;
    QWidget* m_done;
    FieldMessage* m_doneText;
    QLineEdit* m_oneTimePassword;
    QDialogButtonBox* m_buttons;
    QPushButton* m_addButton;
    BusyIndicator* m_busy;
    FieldMessage* m_error;
    QSet<QString> m_touched;
    bool m_adding = false;
    bool m_added = false;
};

} // namespace ReleaseDeck
