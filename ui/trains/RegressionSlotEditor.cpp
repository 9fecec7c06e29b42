#include "trains/RegressionSlotEditor.h"

#include "services/TrainText.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <tuple>

namespace ReleaseDeck {

namespace {

enum Column
{
    OffsetColumn,
    BuildColumn,
    AutomationColumn,
};

bool isChecked(const QTableWidget* table, int row, int column)
{
    const auto* box = qobject_cast<const QCheckBox*>(table->cellWidget(row, column));
    return box && box->isChecked();
}

} // namespace

RegressionSlotEditor::RegressionSlotEditor(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 3, this))
    , m_add(new QPushButton(tr("&Add slot"), this))
    , m_remove(new QPushButton(tr("Re&move slot"), this))
{
    setObjectName(QStringLiteral("regressionSlotEditor"));
    m_table->setObjectName(QStringLiteral("regressionSlotTable"));
    m_table->setAccessibleName(tr("Regression slots"));
    m_table->setHorizontalHeaderLabels({tr("After kickoff"), tr("Builds"), tr("Automation")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(OffsetColumn, QHeaderView::Stretch);
    const int row = m_table->verticalHeader()->defaultSectionSize();
    m_table->setMinimumHeight(row * 4);
    m_table->setMaximumHeight(row * 5 + m_table->horizontalHeader()->sizeHint().height());
    m_add->setObjectName(QStringLiteral("addSlotButton"));
    m_add->setAccessibleName(tr("Add a regression slot"));
    m_remove->setObjectName(QStringLiteral("removeSlotButton"));
    m_remove->setAccessibleName(tr("Remove the selected regression slot"));
    m_remove->setEnabled(false);

    connect(m_add, &QPushButton::clicked, this, &RegressionSlotEditor::addRow);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_table->removeRow(m_table->currentRow());
        emit changed();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &RegressionSlotEditor::changed);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int current) { m_remove->setEnabled(current >= 0); });

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
}

void RegressionSlotEditor::appendRow(const RegressionSlotPlan& plan)
{
    const QSignalBlocker quiet(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    RegressionSlotPlan offsetOnly = plan;
    offsetOnly.runBuild = true;
    offsetOnly.runAutomation = true;
    m_table->setItem(row, OffsetColumn, new QTableWidgetItem(TrainText::slotText(offsetOnly)));
    // Real check boxes: they read in dark palettes too, and take the keyboard.
    const QString offset = TrainText::slotText(offsetOnly);
    for (const auto& [column, on, name] :
         {std::tuple{BuildColumn, plan.runBuild, tr("Builds at %1").arg(offset)},
          std::tuple{AutomationColumn, plan.runAutomation, tr("Automation at %1").arg(offset)}}) {
        auto* box = new QCheckBox(m_table);
        box->setObjectName(column == BuildColumn ? QStringLiteral("slotBuildCheck")
                                                 : QStringLiteral("slotAutomationCheck"));
        box->setAccessibleName(name);
        box->setChecked(on);
        // The box filled like the window, so it stands out from the cell in dark themes too.
        QPalette boxPalette = box->palette();
        boxPalette.setColor(QPalette::Base, boxPalette.color(QPalette::Window));
        box->setPalette(boxPalette);
        box->setContentsMargins(6, 0, 0, 0);
        connect(box, &QCheckBox::toggled, this, &RegressionSlotEditor::changed);
        m_table->setCellWidget(row, column, box);
    }
}

bool RegressionSlotEditor::runs(int row, int column) const
{
    return isChecked(m_table, row, column);
}

void RegressionSlotEditor::setPlans(const QList<RegressionSlotPlan>& plans)
{
    m_table->setRowCount(0);
    for (const RegressionSlotPlan& plan : plans)
        appendRow(plan);
    m_remove->setEnabled(false);
    emit changed();
}

void RegressionSlotEditor::addRow()
{
    int offset = 24 * 60;
    if (const Result<QList<RegressionSlotPlan>> current = plans(); current && !current->isEmpty())
        offset = current->constLast().offsetMinutes + 24 * 60;
    appendRow({offset, true, true});
    const int row = m_table->rowCount() - 1;
    m_table->setCurrentCell(row, OffsetColumn);
    m_table->editItem(m_table->item(row, OffsetColumn));
    emit changed();
}

Result<QList<RegressionSlotPlan>> RegressionSlotEditor::plans() const
{
    QList<RegressionSlotPlan> plans;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* offset = m_table->item(row, OffsetColumn);
        Result<RegressionSlotPlan> plan = TrainText::slot(offset ? offset->text() : QString());
        if (!plan)
            return plan.error();
        plan->runBuild = isChecked(m_table, row, BuildColumn);
        plan->runAutomation = isChecked(m_table, row, AutomationColumn);
        plans.append(*plan);
    }
    return plans;
}

} // namespace ReleaseDeck
