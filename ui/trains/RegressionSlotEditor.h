#pragma once

#include "Result.h"
#include "model/ReleaseConfig.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace ReleaseDeck {

// The train dialog's regression slots: one row per slot, its offset from kickoff as typed
// ("+1d", "+26h") and whether it runs builds and automation; Add slot and Remove.
class RegressionSlotEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RegressionSlotEditor(QWidget* parent = nullptr);

    void setPlans(const QList<RegressionSlotPlan>& plans);
    // The rows as slots, or TrainText's sentence for the first offset it cannot read.
    Result<QList<RegressionSlotPlan>> plans() const;
    QTableWidget* table() const { return m_table; }
    // Whether the row's slot runs builds (column 1) or automation (column 2), as ticked.
    bool runs(int row, int column) const;
    // Adds a row (the day after the last one) and starts editing its offset.
    void addRow();

signals:
    void changed();

private:
    void appendRow(const RegressionSlotPlan& plan);

    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_remove;
};

} // namespace ReleaseDeck
