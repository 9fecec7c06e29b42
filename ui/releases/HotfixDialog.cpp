#include "releases/HotfixDialog.h"

#include "backend/FutureReply.h"
#include "backend/ReleaseBackend.h"
#include "widgets/BusyIndicator.h"
#include "widgets/FieldCaption.h"
#include "widgets/FieldMessage.h"
#include "widgets/MessageBox.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ReleaseDeck {

HotfixDialog::HotfixDialog(ReleaseBackend& backend, qint64 workspaceId, const QString& fixedVersion,
                           QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_workspaceId(workspaceId)
    , m_fixedVersion(fixedVersion)
    , m_busy(new BusyIndicator(this))
    , m_about(new QLabel(this))
    , m_version(new QLineEdit(this))
    , m_message(new FieldMessage(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("hotfixDialog"));
    setAccessibleName(tr("Create hotfix"));
    setWindowTitle(tr("Create Hotfix of %1").arg(fixedVersion));
    m_busy->setObjectName(QStringLiteral("hotfixBusy"));
    m_busy->setAccessibleName(tr("Reading the release"));
    m_about->setObjectName(QStringLiteral("hotfixAbout"));
    m_about->setAccessibleName(tr("About the hotfix"));
    m_about->setWordWrap(true);
    m_version->setObjectName(QStringLiteral("hotfixVersionEdit"));
    m_version->setAccessibleName(tr("Hotfix version"));
    m_version->setEnabled(false);
    m_message->setObjectName(QStringLiteral("hotfixMessage"));
    m_message->setAccessibleName(tr("What is wrong with the version"));
    m_buttons->setObjectName(QStringLiteral("hotfixButtons"));
    m_buttons->setAccessibleName(tr("Create or cancel"));
    createButton()->setText(tr("C&reate hotfix"));
    createButton()->setObjectName(QStringLiteral("hotfixCreateButton"));
    createButton()->setAccessibleName(tr("Create the hotfix"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    createButton()->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &HotfixDialog::submit);
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("hotfixCancelButton"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_version, &QLineEdit::textChanged, this, &HotfixDialog::check);

    auto* form = new QFormLayout;
    form->addRow(fieldCaption(m_version, tr("&Version:")), m_version);
    form->addRow(QString(), m_message);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_busy);
    layout->addWidget(m_about);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    m_busy->setBusy(true);
    m_about->setText(tr("Reading %1…").arg(fixedVersion));
    whenFinished(m_backend.planHotfix(workspaceId, fixedVersion), this,
                 [this](const Result<HotfixPlan>& plan) { planned(plan); });
}

QPushButton* HotfixDialog::createButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void HotfixDialog::planned(const Result<HotfixPlan>& plan)
{
    m_busy->setBusy(false);
    if (!plan) {
        m_about->setText(plan.error().message);
        return;
    }
    m_plan = *plan;
    m_about->setText(m_plan->needsConfirmation()
                         ? tr("The hotfix branch starts from %1. %2 has completed since %3.")
                               .arg(m_plan->fromRef, m_plan->newerRelease, m_plan->fixed.version)
                         : tr("The hotfix branch starts from %1.").arg(m_plan->fromRef));
    m_version->setEnabled(true);
    m_version->setText(m_plan->suggestedVersion);
    m_version->selectAll();
    m_version->setFocus();
    check();
}

void HotfixDialog::check()
{
    if (!m_plan)
        return;
    const QString problem = m_plan->versionProblem(m_version->text());
    m_message->showMessage(problem);
    createButton()->setEnabled(problem.isEmpty());
}

void HotfixDialog::submit()
{
    if (!m_plan || !createButton()->isEnabled())
        return;
    ReleaseDraft draft;
    draft.version = m_version->text().trimmed();
    draft.hotfixOf = m_plan->fixed.version;
    if (m_plan->needsConfirmation()) {
        const auto answer =
            MessageBox::question(this, tr("Create Hotfix"),
                                 tr("%1 has completed since %2. Create a hotfix of %2 anyway?")
                                     .arg(m_plan->newerRelease, m_plan->fixed.version),
                                 tr("Create hotfix"), QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        draft.force = true;
    }
    createButton()->setEnabled(false);
    m_busy->setBusy(true);
    whenFinished(m_backend.createRelease(m_workspaceId, draft), this,
                 [this](const Result<Release>& made) {
                     m_busy->setBusy(false);
                     if (!made) {
                         m_message->showMessage(made.error().message);
                         createButton()->setEnabled(true);
                         return;
                     }
                     emit created(*made);
                     accept();
                 });
}

} // namespace ReleaseDeck
