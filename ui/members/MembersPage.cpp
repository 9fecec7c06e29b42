#include "members/MembersPage.h"

#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "members/AddMemberDialog.h"
#include "members/MemberTableModel.h"
#include "widgets/DisplayNames.h"
#include "widgets/FieldMessage.h"
#include "widgets/MessageBox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ReleaseDeck {

MembersPage::MembersPage(ConnectionBackend& backend, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new MemberTableModel(this))
    , m_view(new QTableView(this))
    , m_add(new QPushButton(tr("&Add member…"), this))
    , m_changeRole(new QPushButton(tr("Change &role"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
    , m_note(new QLabel(this))
    , m_message(new FieldMessage(this))
{
    setObjectName(QStringLiteral("membersPage"));
    m_add->setObjectName(QStringLiteral("addMemberButton"));
    m_changeRole->setObjectName(QStringLiteral("changeRoleButton"));
    m_remove->setObjectName(QStringLiteral("removeMemberButton"));
    m_note->setObjectName(QStringLiteral("membersNote"));
    m_note->setWordWrap(true);
    m_note->setEnabled(false);
    m_message->setObjectName(QStringLiteral("membersMessage"));
    m_message->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("membersTable"));
    m_view->setAccessibleName(tr("Members"));

    auto* roles = new QMenu(m_changeRole);
    for (Role role : {Role::Owner, Role::Editor, Role::Viewer}) {
        QAction* action = roles->addAction(DisplayNames::role(role), this,
                                           [this, role] { setSelectedRole(role); });
        action->setObjectName(QStringLiteral("makeRole") + toText(role) + QStringLiteral("Action"));
    }
    m_changeRole->setMenu(roles);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 2 + 4);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MemberTableModel::SinceColumn, QHeaderView::Stretch);

    auto* title = new QLabel(tr("Members"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_changeRole);
    bar->addWidget(m_remove);
    bar->addWidget(m_add);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(bar);
    layout->addWidget(m_note);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    setTabOrder(m_changeRole, m_remove);
    setTabOrder(m_remove, m_add);
    setTabOrder(m_add, m_view);

    connect(m_add, &QPushButton::clicked, this, &MembersPage::addMember);
    connect(m_remove, &QPushButton::clicked, this, &MembersPage::removeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MembersPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MembersPage::updateActions);
    connect(&m_backend.databaseHealth(), &DatabaseHealth::changed, this,
            &MembersPage::updateActions);
    updateActions();
}

void MembersPage::setWorkspace(qint64 workspaceId, Role role)
{
    if (workspaceId != m_workspaceId)
        m_model->setRows({});
    m_workspaceId = workspaceId;
    m_role = role;
    updateActions();
    reload();
}

void MembersPage::reload()
{
    const qint64 workspaceId = m_workspaceId;
    whenFinished(m_backend.listMembers(workspaceId), this,
                 [this, workspaceId](const Result<QList<MemberRow>>& rows) {
                     if (workspaceId != m_workspaceId)
                         return;
                     if (!rows) {
                         m_message->showMessage(rows.error().message);
                     } else {
                         m_message->showMessage({});
                         m_model->setRows(rows.value());
                     }
                     emit loaded();
                 });
}

void MembersPage::addMember()
{
    if (m_role != Role::Owner || !shared())
        return;
    AddMemberDialog dialog(m_backend, m_workspaceId, this);
    dialog.exec();
    if (dialog.added())
        reload();
}

void MembersPage::setSelectedRole(Role role)
{
    const int row = selectedRow();
    if (row < 0 || m_role != Role::Owner || !shared())
        return;
    const MemberRow& selected = m_model->rowAt(row);
    if (selected.member.role == role)
        return;
    whenFinished(
        m_backend.setMemberRole(m_workspaceId, selected.member.accountId, role), this,
        [this](const Result<Member>& changed) {
            if (!changed) {
                m_message->showMessage(changed.error().message);
                return;
            }
            m_message->showMessage(
                tr("%1 is now %2.").arg(changed->displayName, DisplayNames::role(changed->role)),
                FieldMessage::Tone::Success);
            reload();
        });
}

void MembersPage::removeSelected()
{
    const int row = selectedRow();
    if (row < 0 || m_role != Role::Owner || !shared())
        return;
    const Member member = m_model->rowAt(row).member;
    const auto answer = MessageBox::question(
        this, tr("Remove %1?").arg(member.displayName),
        tr("%1 leaves this workspace at once. If it was their last workspace here, their "
           "database account %2 stops working too, also in windows they have open.")
            .arg(member.displayName, member.login),
        tr("Remove"), QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    whenFinished(m_backend.removeMember(m_workspaceId, member.accountId), this,
                 [this, member](const Status& status) {
                     if (!status) {
                         m_message->showMessage(status.error().message);
                         return;
                     }
                     m_message->showMessage(tr("%1 was removed.").arg(member.displayName),
                                            FieldMessage::Tone::Success);
                     reload();
                 });
}

void MembersPage::updateActions()
{
    const bool manage = m_role == Role::Owner && shared();
    const int row = selectedRow();
    // Nobody changes or removes themselves.
    const bool other = row >= 0 && !m_model->rowAt(row).you;
    m_add->setVisible(manage);
    m_changeRole->setVisible(manage);
    m_remove->setVisible(manage);
    m_changeRole->setEnabled(other);
    m_remove->setEnabled(other);
    if (!shared())
        m_note->setText(tr("A database on this computer has one user: you, its owner. To work "
                           "with a team, move to a shared server with File › Set up again…"));
    else if (m_role != Role::Owner)
        m_note->setText(tr("Your role here is %1. Only an owner adds, changes or removes "
                           "members.")
                            .arg(DisplayNames::role(m_role)));
    else
        m_note->setText(tr("Each member signs in with their own database account; the server "
                           "enforces their role."));
}

bool MembersPage::shared() const
{
    return m_backend.databaseHealth().status().sharedDatabase;
}

int MembersPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

} // namespace ReleaseDeck
