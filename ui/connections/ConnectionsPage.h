#pragma once

#include "model/ConnectionEnums.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace ReleaseDeck {

class ConnectionBackend;
class ConnectionTableModel;
class FieldMessage;

// The workspace's connections: status badges, when each was last verified, the problem in
// plain words, whether the token is on this computer. An OWNER can Add, Edit and
// Disconnect; OWNER and EDITOR can Verify; a VIEWER only reads.
class ConnectionsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionsPage(ConnectionBackend& backend, QWidget* parent = nullptr);

    void setWorkspace(qint64 workspaceId, Role role);
    void reload();
    void verifySelected();
    void verifyAll();
    void editSelected();
    void disconnectSelected();
    void addConnection(ConnectionCategory category);

    ConnectionTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Connections are verified again this often while the app runs; one day by default.
    void setAutoVerifyInterval(int milliseconds);

signals:
    void verifyAllFinished();

private:
    void verifyOne(qint64 connectionId);
    void updateActions();
    qint64 selectedId() const;

    ConnectionBackend& m_backend;
    qint64 m_workspaceId = 0;
    Role m_role = Role::Viewer;
    ConnectionTableModel* m_model;
    QTableView* m_view;
    QPushButton* m_add;
    QPushButton* m_verify;
    QPushButton* m_verifyAll;
    QPushButton* m_edit;
    QPushButton* m_disconnect;
    QWidget* m_progressBox;
    QProgressBar* m_progress;
    QLabel* m_progressText;
    QLabel* m_empty;
    FieldMessage* m_message;
    QTimer* m_autoVerify;
    QTimer* m_clock;
    int m_pending = 0;
};

} // namespace ReleaseDeck
