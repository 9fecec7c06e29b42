#include "wizard/WelcomePage.h"

#include "widgets/FieldMessage.h"
#include "wizard/WorkspaceStep.h"

#include <QButtonGroup>
#include <QCommandLinkButton>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ReleaseDeck {

WelcomePage::WelcomePage(WorkspaceStep& step, bool offerSandbox, QWidget* parent)
    : QWizardPage(parent)
    , m_step(step)
    , m_team(new QCommandLinkButton(
          tr("Set up my &team"), tr("Connect your repository, chat, issue tracker and CI."), this))
    , m_sandbox(new QCommandLinkButton(
          tr("Explore with a &sandbox"),
          tr("Simulated services and a release that runs in minutes; no account needed."), this))
    , m_sandboxMessage(new FieldMessage(this))
    , m_create(new QRadioButton(tr("&Start a new workspace"), this))
    , m_join(new QRadioButton(tr("&Join a workspace on a shared server"), this))
    , m_workspace(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_workspaceMessage(new FieldMessage(this))
    , m_nameMessage(new FieldMessage(this))
    , m_emailMessage(new FieldMessage(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    setTitle(tr("Welcome to Release Deck"));
    setSubTitle(tr("Release Deck runs your releases: branches, tickets, builds, regression "
                   "cycles and approvals. Start by saying who you are."));

    m_team->setObjectName(QStringLiteral("setUpTeamButton"));
    m_team->setAccessibleName(tr("Set up my team"));
    m_sandbox->setObjectName(QStringLiteral("exploreSandboxButton"));
    m_sandbox->setAccessibleName(tr("Explore with a sandbox"));
    m_sandboxMessage->setObjectName(QStringLiteral("sandboxMessage"));
    m_sandbox->setVisible(offerSandbox);
    m_team->setVisible(offerSandbox);
    m_create->setObjectName(QStringLiteral("createWorkspaceRadio"));
    m_join->setObjectName(QStringLiteral("joinWorkspaceRadio"));
    m_create->setChecked(true);
    auto* mode = new QButtonGroup(this);
    mode->addButton(m_create);
    mode->addButton(m_join);

    m_workspace->setObjectName(QStringLiteral("workspaceNameEdit"));
    m_workspace->setAccessibleName(tr("Workspace name"));
    m_workspace->setPlaceholderText(tr("e.g. Acme Mobile"));
    m_name->setObjectName(QStringLiteral("displayNameEdit"));
    m_name->setAccessibleName(tr("Your name"));
    m_name->setPlaceholderText(tr("How teammates see you"));
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("ana@example.com"));
    m_workspaceMessage->setObjectName(QStringLiteral("workspaceNameMessage"));
    m_nameMessage->setObjectName(QStringLiteral("displayNameMessage"));
    m_emailMessage->setObjectName(QStringLiteral("emailMessage"));

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Your &name:"), m_name);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(QString(), m_emailMessage);
    form->addRow(QString(), m_create);
    form->addRow(QString(), m_join);
    form->addRow(tr("&Workspace name:"), m_workspace);
    form->addRow(QString(), m_workspaceMessage);
    auto* choices = new QHBoxLayout;
    choices->addWidget(m_team);
    choices->addWidget(m_sandbox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(m_sandboxMessage);
    layout->addLayout(form);
    layout->addStretch(1);

    setTabOrder(m_team, m_sandbox);
    setTabOrder(m_sandbox, m_name);
    setTabOrder(m_name, m_email);
    setTabOrder(m_email, m_create);
    setTabOrder(m_create, m_join);
    setTabOrder(m_join, m_workspace);

    connect(m_team, &QCommandLinkButton::clicked, m_name,
            [this] { m_name->setFocus(Qt::TabFocusReason); });
    connect(m_sandbox, &QCommandLinkButton::clicked, this, &WelcomePage::sandboxRequested);
    connect(m_join, &QRadioButton::toggled, this, [this](bool join) { m_step.setJoining(join); });
    connect(m_workspace, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_step.setWorkspaceName(text); });
    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_step.setDisplayName(text); });
    connect(m_email, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_step.setEmail(text); });
    connect(&step, &WorkspaceStep::changed, this, [this] {
        render();
        emit completeChanged();
    });
    render();
}

bool WelcomePage::isComplete() const
{
    return m_step.isComplete();
}

bool WelcomePage::validatePage()
{
    m_step.showAllErrors();
    return m_step.isComplete();
}

void WelcomePage::render()
{
    m_join->setChecked(m_step.joining());
    m_workspace->setEnabled(!m_step.joining());
    m_name->setEnabled(!m_step.joining());
    m_email->setEnabled(!m_step.joining());
    m_workspaceMessage->showMessage(m_step.fieldError(QStringLiteral("workspaceName")));
    m_nameMessage->showMessage(m_step.fieldError(QStringLiteral("displayName")));
    m_emailMessage->showMessage(m_step.fieldError(QStringLiteral("email")));
}

void WelcomePage::showSandboxProgress(bool busy, const QString& error)
{
    m_sandbox->setEnabled(!busy);
    m_team->setEnabled(!busy);
    m_sandboxMessage->showMessage(busy ? tr("Creating the sandbox…") : error);
}

} // namespace ReleaseDeck
