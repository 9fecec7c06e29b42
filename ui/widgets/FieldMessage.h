#pragma once

#include <QLabel>

namespace ReleaseDeck {

// The inline message under a form field: hidden while empty, error-coloured, announced
// to screen readers through its accessible description.
class FieldMessage : public QLabel
{
    Q_OBJECT

public:
    enum class Tone
    {
        Error,
        Success,
        Warning,
        Neutral
    };

    explicit FieldMessage(QWidget* parent = nullptr);

    void showMessage(const QString& text, Tone tone = Tone::Error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyTone();

    Tone m_tone = Tone::Error;
};

} // namespace ReleaseDeck
