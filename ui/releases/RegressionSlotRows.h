#pragma once

#include "services/ReleaseDraft.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace ReleaseDeck {

class FieldMessage;

// The New release dialog's regression slots: one row per slot (its date and time, whether
// it builds and whether it runs the automation, and a button that removes it) and a button
// that adds one. Each row shows its own problem under it.
class RegressionSlotRows : public QWidget
{
    Q_OBJECT

public:
    explicit RegressionSlotRows(QWidget* parent = nullptr);

    QList<SlotDraft> slotDrafts() const;
    void setSlotDrafts(const QList<SlotDraft>& planned);
    // Adds a row at at (a day after the last row's, or at when there is none).
    void addSlot(const QDateTime& at);
    // One message per row, in order; an empty one hides the row's message.
    void showProblems(const QStringList& problems);
    int count() const { return int(m_rows.size()); }
    QPushButton* addButton() const { return m_add; }
    // Each row's fields left to right, row by row, then the add button: rows come and go,
    // so the dialog sets its tab order from this after each change.
    QList<QWidget*> focusOrder() const;

signals:
    void changed();
    // The add button was pressed: the dialog says where a new slot starts.
    void addRequested();

private:
    struct Row
    {
        QWidget* widget = nullptr;
        QDateTimeEdit* at = nullptr;
        QCheckBox* build = nullptr;
        QCheckBox* automation = nullptr;
        QPushButton* remove = nullptr;
        FieldMessage* message = nullptr;
    };

    void appendRow(const SlotDraft& slot);
    void removeRow(QWidget* row);
    void renumber();

    QList<Row> m_rows;
    QVBoxLayout* m_rowsLayout;
    QPushButton* m_add;
    QLabel* m_empty;
};

} // namespace ReleaseDeck
