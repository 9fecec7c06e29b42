#pragma once

#include "model/ReleaseConfig.h"
#include "services/TrainRules.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLineEdit;
class QSpinBox;
class QTimeEdit;

namespace ReleaseDeck {

class FieldMessage;
class RegressionSlotEditor;

// The train dialog's fields in four groups (the train, its optional tasks, its schedule, its
// regression), each with its inline message. It reads the entries into a train and says each
// field's problem in core's words: TrainRules' for values, WhenText's and TrainText's for
// text that is not a duration or an offset. A field's message shows once the field was
// changed (or every one, when showProblems() is told all).
class TrainForm : public QWidget
{
    Q_OBJECT

public:
    explicit TrainForm(QWidget* parent = nullptr);

    // The entries of train; its schedule state and ids are kept for reading().
    void setTrain(const ReleaseConfig& train);

    struct Reading
    {
        ReleaseConfig train;
        QList<TrainProblem> problems; // in field order; empty: it may be saved
    };
    Reading reading() const;
    // Shows each field's problem (fields not changed yet stay quiet unless all is set).
    void showProblems(const QList<TrainProblem>& problems, bool all);

    QLineEdit* nameEdit() const { return m_name; }

protected:
    void resizeEvent(QResizeEvent* event) override;

signals:
    // An entry changed.
    void changed();

private:
    QWidget* trainGroup();
    QWidget* scheduleGroup();
    QWidget* regressionGroup();
    QWidget* tasksGroup();
    // Adds label and field as a row (the field alone across both columns without a label);
    // the label's mnemonic focuses buddy, else the field.
    void addField(QGridLayout* grid, const QString& label, QWidget* field,
                  QWidget* buddy = nullptr);
    // A field with its message under it; a change marks the field touched.
    void addRow(QGridLayout* grid, const QString& label, QWidget* field, TrainField which,
                const QString& objectName, QWidget* buddy = nullptr);
    void touch(TrainField field);
    void fitMessages();

    ReleaseConfig m_base;
    QLineEdit* m_name;
    QList<QPair<Platform, QCheckBox*>> m_platforms;
    QLineEdit* m_baseBranch;
    QLineEdit* m_branchPattern;
    QLineEdit* m_tagPattern;
    QLineEdit* m_rcTagPattern;
    QComboBox* m_bump;
    QLineEdit* m_targetAfter;
    QComboBox* m_weekday;
    QTimeEdit* m_time;
    QComboBox* m_timeZone;
    QSpinBox* m_every;
    QLineEdit* m_reminder;
    RegressionSlotEditor* m_slots;
    QCheckBox* m_autoRegression;
    QCheckBox* m_autoPreRelease;
    QList<QPair<TaskType, QCheckBox*>> m_optional;
    QHash<TrainField, FieldMessage*> m_messages;
    QHash<FieldMessage*, QWidget*> m_messageWidths; // a message is as wide as its field
    QSet<TrainField> m_touched;
};

} // namespace ReleaseDeck
