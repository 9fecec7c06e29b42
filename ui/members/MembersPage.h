#pragma once

#include "model/ConnectionEnums.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace ReleaseDeck {

class ConnectionBackend;
class FieldMessage;
class MemberTableModel;

// Who belongs to the workspace and in which role. An OWNER adds members (with their own
// database account on a shared server), changes roles and removes members; everyone else
// reads. A database on this computer has one user, its owner.
class MembersPage : public QWidget
{
    Q_OBJECT

public:
    explicit MembersPage(ConnectionBackend& backend, QWidget* parent = nullptr);

    void setWorkspace(qint64 workspaceId, Role role);
    void reload();
    void addMember();
    void setSelectedRole(Role role);
    void removeSelected();

    MemberTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

signals:
    // A reload finished (with rows or a message).
    void loaded();

private:
    void updateActions();
    int selectedRow() const;
    // Whether the database is a shared server; a local file has one user, nothing to change.
    bool shared() const;

    ConnectionBackend& m_backend;
    qint64 m_workspaceId = 0;
    Role m_role = Role::Viewer;
    MemberTableModel* m_model;
    QTableView* m_view;
    QPushButton* m_add;
    QPushButton* m_changeRole;
    QPushButton* m_remove;
    QLabel* m_note;
    FieldMessage* m_message;
};

} // namespace ReleaseDeck
