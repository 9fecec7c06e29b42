#include "connections/ConnectionEditDialog.h"

#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "widgets/BusyIndicator.h"
#include "widgets/FieldMessage.h"
#include "wizard/ConnectionPage.h"
#include "wizard/ConnectionStep.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ReleaseDeck {

ConnectionEditDialog::ConnectionEditDialog(ConnectionBackend& backend, qint64 workspaceId,
                                           const Connection& existing, QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_workspaceId(workspaceId)
    , m_step(new ConnectionStep(existing.category, backend, this))
    , m_page(nullptr)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_busy(new BusyIndicator(this))
    , m_error(new FieldMessage(this))
{
    setObjectName(QStringLiteral("connectionEditDialog"));
    if (existing.id != 0)
        m_step->load(existing);
    m_page = ConnectionPage::create(*m_step, this);
    setWindowTitle(existing.id != 0 ? tr("Edit %1").arg(m_page->title())
                                    : tr("Add %1").arg(m_page->title()));

    auto* title =
        new QLabel(QStringLiteral("<b>%1</b>").arg(m_page->title().toHtmlEscaped()), this);
    auto* subtitle = new QLabel(m_page->subTitle(), this);
    subtitle->setWordWrap(true);
    auto* hint = new QLabel(
        existing.id != 0 ? tr("Enter the token again: Release Deck never shows a saved one.")
                         : tr("This replaces the workspace's current connection of this kind, "
                              "if any."),
        this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_error->setObjectName(QStringLiteral("saveErrorLabel"));
    m_error->setWordWrap(true);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_busy);
    bottom->addWidget(m_error, 1);
    bottom->addWidget(m_buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addWidget(hint);
    layout->addWidget(m_page, 1);
    layout->addLayout(bottom);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionEditDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::rejected, m_step, &ConnectionStep::discard);
    connect(m_page, &QWizardPage::completeChanged, this, &ConnectionEditDialog::render);
    resize(720, 540);
    render();
}

void ConnectionEditDialog::save()
{
    if (m_saving || !m_page->isComplete())
        return;
    m_saving = true;
    m_error->showMessage({});
    render();
    whenFinished(m_backend.saveConnection(m_workspaceId, m_step->draft()), this,
                 [this](const Result<ConnectionRow>& saved) {
                     m_saving = false;
                     if (!saved) {
                         m_error->showMessage(saved.error().message);
                         render();
                         return;
                     }
                     m_saved = saved.value();
                     m_step->discard();
                     accept();
                 });
}

void ConnectionEditDialog::render()
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!m_saving && m_page->isComplete());
    m_busy->setBusy(m_saving);
}

} // namespace ReleaseDeck
