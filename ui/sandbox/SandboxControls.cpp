#include "sandbox/SandboxControls.h"

#include "backend/FutureReply.h"
#include "sandbox/SandboxPage.h"
#include "services/SandboxWorkspace.h"
#include "widgets/StatusColors.h"

#include <QAction>
#include <QLabel>
#include <QListWidgetItem>
#include <QMessageBox>
#include <QPushButton>

namespace ReleaseDeck {

SandboxControls::SandboxControls(SandboxBackend& backend, QWidget* window)
    : QObject(window)
    , m_backend(backend)
    , m_window(window)
    , m_banner(new QLabel(tr("Sandbox — simulated services. Nothing here reaches GitHub, "
                             "Slack, Jira or CI."),
                          window))
    , m_reset(new QAction(tr("&Reset Sandbox…"), this))
    , m_delete(new QAction(tr("&Delete Sandbox…"), this))
{
    m_banner->setObjectName(QStringLiteral("sandboxBanner"));
    m_banner->setAccessibleName(tr("Sandbox — simulated services"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setMargin(8);
    m_banner->setAutoFillBackground(true);
    QPalette palette = m_banner->palette();
    const QColor warning = StatusColors::warning(window->palette());
    palette.setColor(QPalette::Window, warning);
    palette.setColor(QPalette::WindowText,
                     warning.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white));
    m_banner->setPalette(palette);
    QFont font = m_banner->font();
    font.setBold(true);
    m_banner->setFont(font);
    m_banner->hide();
    m_reset->setObjectName(QStringLiteral("resetSandboxAction"));
    m_delete->setObjectName(QStringLiteral("deleteSandboxAction"));
    connect(m_reset, &QAction::triggered, this, &SandboxControls::reset);
    connect(m_delete, &QAction::triggered, this, &SandboxControls::remove);
    render();
}

QList<QAction*> SandboxControls::actions() const
{
    return {m_reset, m_delete};
}

SandboxPage* SandboxControls::createPage(QWidget* parent)
{
    delete m_page;
    m_page = new SandboxPage(m_backend, parent);
    return m_page;
}

void SandboxControls::setNavigationItem(QListWidgetItem* item)
{
    m_item = item;
    render();
}

void SandboxControls::setWorkspaces(const QList<WorkspaceSummary>& workspaces)
{
    m_exists = std::any_of(workspaces.cbegin(), workspaces.cend(), [](const WorkspaceSummary& w) {
        return w.name == SandboxWorkspace::name() && w.role == Role::Owner;
    });
    m_shown = m_shown && m_exists;
    render();
}

void SandboxControls::setWorkspace(const WorkspaceSummary& workspace)
{
    m_shown = workspace.name == SandboxWorkspace::name();
    if (m_page && m_shown)
        m_page->setWorkspace(workspace.id, workspace.role != Role::Viewer);
    render();
}

void SandboxControls::render()
{
    m_banner->setVisible(m_shown);
    if (m_item)
        m_item->setHidden(!m_shown);
    m_reset->setVisible(m_exists);
    m_delete->setVisible(m_exists);
}

bool SandboxControls::confirm(const QString& title, const QString& text, const QString& action)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("sandboxConfirmDialog"));
    QPushButton* yes = box.addButton(action, QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("sandboxConfirmButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

void SandboxControls::reset()
{
    if (!confirm(tr("Reset Sandbox"),
                 tr("Start the sandbox afresh? Its release, its activity and everything the "
                    "simulated services did are deleted, and a new release kicks off now."),
                 tr("&Reset")))
        return;
    whenFinished(m_backend.resetSandbox(), this, [this](const Result<WorkspaceSummary>& reset) {
        if (!reset) {
            emit failed(reset.error().message);
            return;
        }
        emit workspacesChanged(reset->id, reset->name);
    });
}

void SandboxControls::remove()
{
    if (!confirm(tr("Delete Sandbox"),
                 tr("Delete the sandbox with its release, its activity and everything the "
                    "simulated services did? Your other workspaces stay as they are."),
                 tr("&Delete")))
        return;
    whenFinished(m_backend.deleteSandbox(), this, [this](const Status& removed) {
        if (!removed) {
            emit failed(removed.error().message);
            return;
        }
        emit workspacesChanged(0, QString());
    });
}

} // namespace ReleaseDeck
