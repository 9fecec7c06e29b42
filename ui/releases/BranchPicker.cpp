#include "releases/BranchPicker.h"

#include "widgets/BusyIndicator.h"
#include "widgets/FieldMessage.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ReleaseDeck {

BranchPicker::BranchPicker(QWidget* parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_busy(new BusyIndicator(this))
    , m_note(new FieldMessage(this))
{
    setObjectName(QStringLiteral("branchPicker"));
    m_combo->setObjectName(QStringLiteral("baseBranchCombo"));
    m_combo->setAccessibleName(tr("Base branch"));
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->lineEdit()->setPlaceholderText(tr("The repository's default branch"));
    m_combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_combo->completer()->setFilterMode(Qt::MatchContains);
    m_combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_busy->setObjectName(QStringLiteral("branchesBusy"));
    m_busy->setAccessibleName(tr("Reading the branches"));
    m_note->setObjectName(QStringLiteral("branchesNote"));
    m_note->setAccessibleName(tr("About the branches"));
    m_note->setWordWrap(true);
    auto* line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(m_combo, 1);
    line->addWidget(m_busy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(line);
    layout->addWidget(m_note);
    connect(m_combo, &QComboBox::editTextChanged, this, &BranchPicker::branchChanged);
}

QString BranchPicker::branch() const
{
    return m_combo->currentText().trimmed();
}

void BranchPicker::setBranch(const QString& branch)
{
    m_combo->setEditText(branch);
}

void BranchPicker::setLoading()
{
    m_loading = true;
    m_busy->setBusy(true);
    m_note->showMessage(tr("Reading the repository's branches…"), FieldMessage::Tone::Neutral);
}

void BranchPicker::setBranches(const Result<ChoicePage>& branches)
{
    m_loading = false;
    m_busy->setBusy(false);
    if (!branches) {
        m_note->showMessage(tr("The branches could not be read: %1 Type the branch's name.")
                                .arg(branches.error().message),
                            FieldMessage::Tone::Warning);
        return;
    }
    m_note->showMessage({});
    // Filling the list keeps what was typed.
    const QString typed = m_combo->currentText();
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const ChoicePage::Choice& choice : branches->items)
        m_combo->addItem(choice.label, choice.id);
    m_combo->setEditText(typed);
}

} // namespace ReleaseDeck
