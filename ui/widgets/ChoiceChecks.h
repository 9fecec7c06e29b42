#pragma once

#include <QList>
#include <QMap>
#include <QWidget>

class QCheckBox;

namespace ReleaseDeck {

// A group of check boxes, one per choice (an enum's value as int), in rows of `columns`;
// which are checked, as a list of values in the order they were added.
class ChoiceChecks : public QWidget
{
    Q_OBJECT

public:
    explicit ChoiceChecks(int columns, QWidget* parent = nullptr);

    // objectName is the box's object name; its text is also its accessible name.
    QCheckBox* addChoice(int value, const QString& text, const QString& objectName, bool checked);
    QList<int> checkedValues() const;
    void setCheckedValues(const QList<int>& values);
    // The same for the enum the values are of.
    template<typename Enum>
    QList<Enum> checked() const
    {
        QList<Enum> values;
        for (const int value : checkedValues())
            values.append(Enum(value));
        return values;
    }
    template<typename Enum>
    void setChecked(const QList<Enum>& values)
    {
        QList<int> ints;
        for (const Enum value : values)
            ints.append(int(value));
        setCheckedValues(ints);
    }
    // The boxes in the order they were added (the dialog's tab order).
    QList<QWidget*> boxes() const;

signals:
    void toggled();

private:
    int m_columns;
    QList<std::pair<int, QCheckBox*>> m_boxes;
};

} // namespace ReleaseDeck
