#include "releases/RegressionSlotRows.h"

#include "widgets/FieldMessage.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ReleaseDeck {

RegressionSlotRows::RegressionSlotRows(QWidget* parent)
    : QWidget(parent)
    , m_rowsLayout(new QVBoxLayout)
    , m_add(new QPushButton(tr("Add regression &slot"), this))
    , m_empty(
          new QLabel(tr("None yet: the release waits in regression until a slot is added."), this))
{
    setObjectName(QStringLiteral("regressionSlotRows"));
    setAccessibleName(tr("Regression slots"));
    m_add->setObjectName(QStringLiteral("addSlotButton"));
    m_add->setAccessibleName(tr("Add regression slot"));
    m_empty->setObjectName(QStringLiteral("noSlotsLabel"));
    m_empty->setAccessibleName(m_empty->text());
    m_empty->setEnabled(false);
    m_empty->setWordWrap(true);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    auto* addLine = new QHBoxLayout;
    addLine->addWidget(m_add);
    addLine->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addLayout(m_rowsLayout);
    layout->addLayout(addLine);
    connect(m_add, &QPushButton::clicked, this, &RegressionSlotRows::addRequested);
}

QList<SlotDraft> RegressionSlotRows::slotDrafts() const
{
    QList<SlotDraft> planned;
    for (const Row& row : m_rows)
        planned.append(
            {row.at->dateTime().toUTC(), row.build->isChecked(), row.automation->isChecked()});
    return planned;
}

void RegressionSlotRows::setSlotDrafts(const QList<SlotDraft>& planned)
{
    while (!m_rows.isEmpty())
        removeRow(m_rows.constLast().widget);
    for (const SlotDraft& slot : planned)
        appendRow(slot);
    renumber();
    emit changed();
}

void RegressionSlotRows::addSlot(const QDateTime& at)
{
    const QDateTime when = m_rows.isEmpty() ? at : m_rows.constLast().at->dateTime().addDays(1);
    appendRow({when.toUTC(), true, true});
    renumber();
    m_rows.constLast().at->setFocus();
    emit changed();
}

QList<QWidget*> RegressionSlotRows::focusOrder() const
{
    QList<QWidget*> order;
    for (const Row& row : m_rows)
        order << row.at << row.build << row.automation << row.remove;
    order << m_add;
    return order;
}

void RegressionSlotRows::showProblems(const QStringList& problems)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rows.at(i).message->showMessage(problems.value(i));
}

void RegressionSlotRows::appendRow(const SlotDraft& slot)
{
    Row row;
    row.widget = new QWidget(this);
    row.at = new QDateTimeEdit(slot.at.toLocalTime(), row.widget);
    row.at->setCalendarPopup(true);
    row.at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    row.build = new QCheckBox(tr("Build"), row.widget);
    row.build->setChecked(slot.runBuild);
    row.automation = new QCheckBox(tr("Automation"), row.widget);
    row.automation->setChecked(slot.runAutomation);
    row.remove = new QPushButton(tr("Remove"), row.widget);
    row.message = new FieldMessage(row.widget);
    row.message->setWordWrap(true);
    auto* line = new QHBoxLayout;
    line->addWidget(row.at, 1);
    line->addWidget(row.build);
    line->addWidget(row.automation);
    line->addWidget(row.remove);
    auto* layout = new QVBoxLayout(row.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(line);
    layout->addWidget(row.message);
    m_rowsLayout->addWidget(row.widget);
    m_rows.append(row);
    connect(row.at, &QDateTimeEdit::dateTimeChanged, this, &RegressionSlotRows::changed);
    connect(row.build, &QCheckBox::toggled, this, &RegressionSlotRows::changed);
    connect(row.automation, &QCheckBox::toggled, this, &RegressionSlotRows::changed);
    connect(row.remove, &QPushButton::clicked, this, [this, widget = row.widget] {
        removeRow(widget);
        renumber();
        m_add->setFocus();
        emit changed();
    });
}

void RegressionSlotRows::removeRow(QWidget* widget)
{
    m_rows.removeIf([widget](const Row& row) { return row.widget == widget; });
    m_rowsLayout->removeWidget(widget);
    // Out of the dialog at once (no test or screen reader finds it); deleted once its own
    // Remove button's click is over.
    widget->hide();
    widget->setParent(nullptr);
    widget->deleteLater();
}

void RegressionSlotRows::renumber()
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows.at(i);
        const QString n = QString::number(i + 1);
        row.widget->setObjectName(QStringLiteral("slotRow") + n);
        row.at->setObjectName(QStringLiteral("slotTimeEdit") + n);
        row.at->setAccessibleName(tr("Regression slot %1: date and time").arg(n));
        row.build->setObjectName(QStringLiteral("slotBuildCheck") + n);
        row.build->setAccessibleName(tr("Regression slot %1 builds").arg(n));
        row.automation->setObjectName(QStringLiteral("slotAutomationCheck") + n);
        row.automation->setAccessibleName(tr("Regression slot %1 runs the automation").arg(n));
        row.remove->setObjectName(QStringLiteral("removeSlotButton") + n);
        row.remove->setAccessibleName(tr("Remove regression slot %1").arg(n));
        row.message->setObjectName(QStringLiteral("slotMessage") + n);
        row.message->setAccessibleName(tr("About regression slot %1").arg(n));
    }
    m_empty->setVisible(m_rows.isEmpty());
}

} // namespace ReleaseDeck
