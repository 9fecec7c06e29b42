#pragma once

#include "backend/SandboxBackend.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace ReleaseDeck {

// What the sandbox's simulated services did: the chat messages that would have been posted
// to Slack, the tickets, the CI runs with their logs — a preview of what the real
// integrations will do. Two rehearsals ask the simulation for a failure: the next CI run
// fails, or chat answers invalid_auth. Refreshed every few seconds while shown.
class SandboxPage : public QWidget
{
    Q_OBJECT

public:
    SandboxPage(SandboxBackend& backend, QWidget* parent = nullptr);

    void setWorkspace(qint64 workspaceId, bool canAct);
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void render(const SandboxActivity& activity);
    void rehearse(SandboxRehearsal rehearsal);
    void showLog();

    SandboxBackend& m_backend;
    qint64 m_workspaceId = 0;
    bool m_canAct = false;
    int m_generation = 0;
    SandboxActivity m_activity;
    QLabel* m_rehearsals;
    QPushButton* m_failCi;
    QPushButton* m_failChat;
    QTreeWidget* m_messages;
    QTreeWidget* m_tickets;
    QTreeWidget* m_runs;
    QPlainTextEdit* m_log;
    QLabel* m_error;
    QTimer m_timer;
};

} // namespace ReleaseDeck
