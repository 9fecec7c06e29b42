#include "wizard/SummaryPage.h"

#include "widgets/BusyIndicator.h"
#include "widgets/DisplayNames.h"
#include "widgets/FieldMessage.h"
#include "widgets/StatusColors.h"
#include "wizard/ConnectionRules.h"
#include "wizard/ConnectionStep.h"
#include "wizard/DatabaseStep.h"
#include "wizard/WizardController.h"
#include "wizard/WorkspaceStep.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

namespace ReleaseDeck {

namespace {

constexpr int RowCount = 7;

} // namespace

SummaryPage::SummaryPage(WizardController& controller, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller)
    , m_form(new QFormLayout)
    , m_busy(new BusyIndicator(this))
    , m_error(new FieldMessage(this))
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Ready to save"));
    setSubTitle(tr("Finish saves all of this together; tokens go to the system keychain. "
                   "Nothing has been saved yet."));
    setFinalPage(true);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setVerticalSpacing(10);
    for (int row = 0; row < RowCount; ++row) {
        auto* value = new QLabel(this);
        value->setObjectName(QStringLiteral("summaryValue%1").arg(row));
        value->setWordWrap(true);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_values.append(value);
        m_form->addRow(QStringLiteral("-"), value);
    }
    m_busy->setObjectName(QStringLiteral("finishBusy"));
    m_error->setObjectName(QStringLiteral("finishErrorLabel"));
    m_error->setWordWrap(true);
    auto* status = new QHBoxLayout;
    status->addWidget(m_busy);
    status->addWidget(m_error, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addSpacing(12);
    layout->addLayout(status);
    layout->addStretch(1);
    connect(&controller, &WizardController::changed, this, [this] {
        if (m_controller.page() == WizardController::SummaryPage)
            render();
        emit completeChanged();
    });
    connect(&controller, &WizardController::finishSucceeded, this, [this] {
        if (wizard())
            wizard()->accept();
    });
}

void SummaryPage::initializePage()
{
    render();
}

bool SummaryPage::isComplete() const
{
    return m_controller.canFinish() || m_controller.finished();
}

bool SummaryPage::validatePage()
{
    if (m_controller.finished())
        return true;
    m_controller.finish();
    return false;
}

void SummaryPage::setRow(int row, const QString& label, const QString& text, const QColor& color)
{
    auto* labelWidget =
        qobject_cast<QLabel*>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
    labelWidget->setText(label);
    QLabel* value = m_values.at(row);
    value->setText(text);
    QPalette palette = value->palette();
    palette.setColor(QPalette::WindowText,
                     color.isValid() ? color : this->palette().color(QPalette::WindowText));
    value->setPalette(palette);
}

void SummaryPage::render()
{
    const WorkspaceStep* workspace = m_controller.workspace();
    const DatabaseStep* database = m_controller.database();
    const WizardResult result = m_controller.result();
    QString workspaceText = tr("New workspace “%1”, you as its owner").arg(result.workspaceName);
    if (workspace->joining()) {
        QString name;
        for (const auto& candidate : database->workspaces()) {
            if (candidate.id == database->chosenWorkspace())
                name = candidate.name;
        }
        workspaceText = tr("Join “%1”").arg(name);
    }
    setRow(0, tr("Workspace:"), workspaceText);
    setRow(1, tr("You:"), tr("%1 <%2>").arg(result.displayName, result.email));
    const DatabaseDraft db = result.database;
    setRow(2, tr("Database:"),
           db.shared
               ? tr("Shared server %1:%2, database %3, user %4%5")
                     .arg(db.host)
                     .arg(db.port)
                     .arg(db.database, db.user, db.tls ? tr(", encrypted") : tr(", not encrypted"))
               : tr("On this computer"));
    int row = 3;
    for (int page = WizardController::SourceControlPage; page <= WizardController::CiPage; ++page) {
        const ConnectionStep* step = m_controller.connection(WizardController::Page(page));
        const QString label = DisplayNames::category(step->category()) + u':';
        if (step->skipped() || !step->isComplete()) {
            setRow(row++, label, tr("Set up later"), StatusColors::muted(palette()));
            continue;
        }
        const ConnectionDraft draft = step->draft();
        setRow(row++, label,
               tr("%1 — %2 — Valid, verified just now")
                   .arg(ConnectionRules::providerName(draft.provider), draft.displayName),
               StatusColors::success(palette()));
    }
    m_busy->setBusy(m_controller.busy());
    if (m_controller.busy())
        m_error->showMessage(tr("Saving…"), FieldMessage::Tone::Neutral);
    else
        m_error->showMessage(m_controller.errorText());
}

} // namespace ReleaseDeck
