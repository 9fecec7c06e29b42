#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace ReleaseDeck {

// A form row's caption, named after its field and leading to it: the label takes the
// field's object name + "Caption", its accessible name, and the field as its buddy.
QLabel* fieldCaption(QWidget* field, const QString& text);

} // namespace ReleaseDeck
