#include "desktop/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace ReleaseDeck {

namespace {

const QString FusionStyle = QStringLiteral("Fusion");

// The style the app started with (the platform's), remembered before the first change.
const QString& systemStyle()
{
    static const QString name = QApplication::style()->name();
    return name;
}

} // namespace

QPalette Theme::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe8, 0xea, 0xed);
    QPalette dark;
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, window);
    dark.setColor(QPalette::ToolTipBase, base);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x93));
    dark.setColor(QPalette::Button, window);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x6a, 0xa9, 0xff));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x90, 0x90, 0x90));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return dark;
}

void Theme::apply(Appearance appearance)
{
    const QString& original = systemStyle();
    switch (appearance) {
    case Appearance::System:
        if (QApplication::style()->name() != original)
            QApplication::setStyle(QStyleFactory::create(original));
        // An empty palette resolves to the platform theme's.
        QApplication::setPalette(QPalette());
        return;
    case Appearance::Light:
        QApplication::setStyle(QStyleFactory::create(FusionStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    case Appearance::Dark:
        QApplication::setStyle(QStyleFactory::create(FusionStyle));
        QApplication::setPalette(darkPalette());
        return;
    }
}

} // namespace ReleaseDeck
