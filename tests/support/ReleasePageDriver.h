#pragma once

#include "FakeConnectionBackend.h"
#include "MainWindow.h"

#include <QDateTime>

#include <memory>

class QWidget;

namespace ReleaseDeck::Test {

// The main window on the fake backends at 1280×800, shown.
std::unique_ptr<MainWindow> openMainWindow(FakeConnectionBackend& backend);
// The main window with the failed mid-regression release (ReleaseDetailSamples) open and
// read on its page.
std::unique_ptr<MainWindow> openFailedRelease(FakeConnectionBackend& backend, const QDateTime& now);
// The text of the label named so under root.
QString labelText(QWidget* root, const QString& name);
// The widgets under root (Qt's own parts aside) missing an object or accessible name.
QStringList unnamedWidgets(QWidget* root);
// Answers the next message box with the button whose text (without &) is answer, once
// it shows; its question goes to *asked.
void answerNextQuestion(const QString& answer, QString* asked);

} // namespace ReleaseDeck::Test
