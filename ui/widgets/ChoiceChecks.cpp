#include "widgets/ChoiceChecks.h"

#include <QCheckBox>
#include <QGridLayout>

namespace ReleaseDeck {

ChoiceChecks::ChoiceChecks(int columns, QWidget* parent)
    : QWidget(parent)
    , m_columns(columns)
{
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setColumnStretch(columns, 1);
}

QCheckBox* ChoiceChecks::addChoice(int value, const QString& text, const QString& objectName,
                                   bool checked)
{
    auto* box = new QCheckBox(text, this);
    box->setObjectName(objectName);
    box->setAccessibleName(text);
    box->setChecked(checked);
    const int index = int(m_boxes.size());
    static_cast<QGridLayout*>(layout())->addWidget(box, index / m_columns, index % m_columns);
    m_boxes.append({value, box});
    connect(box, &QCheckBox::toggled, this, &ChoiceChecks::toggled);
    return box;
}

QList<int> ChoiceChecks::checkedValues() const
{
    QList<int> values;
    for (const auto& [value, box] : m_boxes) {
        if (box->isChecked())
            values.append(value);
    }
    return values;
}

QList<QWidget*> ChoiceChecks::boxes() const
{
    QList<QWidget*> widgets;
    for (const auto& [value, box] : m_boxes)
        widgets.append(box);
    return widgets;
}

void ChoiceChecks::setCheckedValues(const QList<int>& values)
{
    for (const auto& [value, box] : m_boxes)
        box->setChecked(values.contains(value));
}

} // namespace ReleaseDeck
