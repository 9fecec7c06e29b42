#pragma once

#include <QAbstractButton>
#include <QLineEdit>
#include <QTest>

// Driving the real wizard's widgets by object name, as a person would
// (KeePassXC's GUI tests are the model).
namespace ReleaseDeck::Test {

template<typename T>
T* find(QWidget* wizard, const QString& name)
{
    auto* widget = wizard->findChild<T*>(name);
    if (!widget)
        qFatal("no widget named %s", qPrintable(name));
    return widget;
}

inline void type(QWidget* wizard, const QString& name, const QString& text)
{
    auto* edit = find<QLineEdit>(wizard, name);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

inline void click(QWidget* wizard, const QString& name)
{
    auto* button = find<QAbstractButton>(wizard, name);
    QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(name));
    // Near the left edge: a radio button only reacts on its indicator and text.
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(10, button->height() / 2));
}

} // namespace ReleaseDeck::Test
