#include "widgets/FieldMessage.h"

#include "widgets/StatusColors.h"

#include <QEvent>

namespace ReleaseDeck {

FieldMessage::FieldMessage(QWidget* parent)
    : QLabel(parent)
{
    // Wrapped labels get extra height in form rows; the few long messages opt in to wrap.
    setWordWrap(false);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

void FieldMessage::showMessage(const QString& text, Tone tone)
{
    m_tone = tone;
    if (text != this->text())
        setText(text);
    setAccessibleDescription(text);
    applyTone();
    setVisible(!text.isEmpty());
}

void FieldMessage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTone();
    QLabel::changeEvent(event);
}

void FieldMessage::applyTone()
{
    QColor color;
    switch (m_tone) {
    case Tone::Error:
        color = StatusColors::error(palette());
        break;
    case Tone::Success:
        color = StatusColors::success(palette());
        break;
    case Tone::Warning:
        color = StatusColors::warning(palette());
        break;
    case Tone::Neutral:
        color = StatusColors::muted(palette());
        break;
    }
    QPalette tinted = palette();
    tinted.setColor(QPalette::WindowText, color);
    if (tinted != palette())
        setPalette(tinted);
}

} // namespace ReleaseDeck
