#include "widgets/MessageBox.h"

#include <QPushButton>

namespace ReleaseDeck {

QMessageBox::StandardButton MessageBox::s_nextAnswer = QMessageBox::NoButton;

QMessageBox::StandardButton MessageBox::question(QWidget* parent, const QString& title,
                                                 const QString& text, const QString& acceptText,
                                                 QMessageBox::StandardButton defaultButton)
{
    if (s_nextAnswer != QMessageBox::NoButton) {
        const QMessageBox::StandardButton answer = s_nextAnswer;
        s_nextAnswer = QMessageBox::NoButton;
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                    parent);
    box.setObjectName(QStringLiteral("confirmationBox"));
    box.button(QMessageBox::Yes)->setText(acceptText);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

} // namespace ReleaseDeck
