#include "widgets/FieldCaption.h"

#include <QLabel>

namespace ReleaseDeck {

QLabel* fieldCaption(QWidget* field, const QString& text)
{
    auto* label = new QLabel(text, field->parentWidget());
    label->setObjectName(field->objectName() + QStringLiteral("Caption"));
    label->setAccessibleName(field->accessibleName());
    label->setBuddy(field);
    return label;
}

} // namespace ReleaseDeck
