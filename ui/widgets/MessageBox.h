#pragma once

#include <QMessageBox>

namespace ReleaseDeck {

// Confirmation dialogs with a test hook: setNextAnswer() makes the next question return
// that answer without showing anything (KeePassXC's MessageBox::setNextAnswer).
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title,
                                                const QString& text, const QString& acceptText,
                                                QMessageBox::StandardButton defaultButton);
    static void setNextAnswer(QMessageBox::StandardButton answer);

private:
    static QMessageBox::StandardButton s_nextAnswer;
};

} // namespace ReleaseDeck
