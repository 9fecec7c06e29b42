#pragma once

#include "backend/SandboxBackend.h"
#include "backend/WorkspaceSummary.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QListWidgetItem;
class QWidget;

namespace ReleaseDeck {

class SandboxPage;

// The main window's sandbox parts: the "Sandbox — simulated services" banner shown above
// every page while the Sandbox workspace is selected, its navigation entry and page, and
// the File menu's "Reset sandbox…" and "Delete sandbox…" (each asks first), shown while
// the sandbox exists.
class SandboxControls : public QObject
{
    Q_OBJECT

public:
    SandboxControls(SandboxBackend& backend, QWidget* window);

    QList<QAction*> actions() const;
    QLabel* banner() const { return m_banner; }
    // A new page (the previous one is deleted with its parent's other pages).
    SandboxPage* createPage(QWidget* parent);
    void setNavigationItem(QListWidgetItem* item);

    void setWorkspaces(const QList<WorkspaceSummary>& workspaces);
    void setWorkspace(const WorkspaceSummary& workspace);
    bool showsSandbox() const { return m_shown; }

signals:
    // The sandbox was reset (workspaceId: the new one) or deleted (0): the window reads its
    // workspaces anew.
    void workspacesChanged(qint64 workspaceId, const QString& workspaceName);
    void failed(const QString& message);

private:
    bool confirm(const QString& title, const QString& text, const QString& action);
    void reset();
    void remove();
    void render();

    SandboxBackend& m_backend;
    QWidget* m_window;
    QLabel* m_banner;
    QAction* m_reset;
    QAction* m_delete;
    QPointer<SandboxPage> m_page;
    QListWidgetItem* m_item = nullptr;
    bool m_exists = false;
    bool m_shown = false;
};

} // namespace ReleaseDeck
