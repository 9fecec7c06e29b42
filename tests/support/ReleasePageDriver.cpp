#include "ReleasePageDriver.h"

#include "ReleaseDetailSamples.h"
#include "releases/DashboardPage.h"
#include "releases/ReleasePage.h"
#include "releases/ReleaseTableModel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace ReleaseDeck::Test {

std::unique_ptr<MainWindow> openMainWindow(FakeConnectionBackend& backend)
{
    auto window = std::make_unique<MainWindow>(&backend);
    window->resize(1280, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qFatal("the main window did not show");
    return window;
}

std::unique_ptr<MainWindow> openFailedRelease(FakeConnectionBackend& backend, const QDateTime& now)
{
    FakeReleaseBackend& releases = backend.releaseFake();
    releases.summaries = {midRegressionSummary(now)};
    releases.details.insert(10, midRegressionDetail(now));
    auto window = openMainWindow(backend);
    if (!QTest::qWaitFor([&] { return window->dashboardPage()->model()->rowCount() == 1; }))
        qFatal("the dashboard did not show the release");
    QSignalSpy shown(window->releasePage(), &ReleasePage::detailShown);
    window->openRelease(1, 10);
    if (!QTest::qWaitFor([&] { return !shown.isEmpty(); }))
        qFatal("the release page did not show the release");
    return window;
}

QString labelText(QWidget* root, const QString& name)
{
    auto* label = root->findChild<QLabel*>(name);
    return label ? label->text() : QStringLiteral("<no %1>").arg(name);
}

QStringList unnamedWidgets(QWidget* root)
{
    const auto qtsOwn = [root](QWidget* widget) {
        for (QWidget* part = widget; part && part != root; part = part->parentWidget()) {
            if (part->objectName().startsWith(QLatin1String("qt_")) ||
                qobject_cast<QScrollBar*>(part))
                return true;
        }
        return false;
    };
    QStringList unnamed;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (qtsOwn(widget))
            continue;
        if (widget->objectName().isEmpty() || widget->accessibleName().isEmpty())
            unnamed.append(QStringLiteral("%1 \"%2\"")
                               .arg(QString::fromLatin1(widget->metaObject()->className()),
                                    widget->objectName()));
    }
    return unnamed;
}

void answerNextQuestion(const QString& answer, QString* asked)
{
    QTimer::singleShot(0, [answer, asked] {
        QMessageBox* box = nullptr;
        if (!QTest::qWaitFor([&box] {
                return (box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()));
            })) {
            asked->clear();
            return;
        }
        *asked = box->text();
        for (QAbstractButton* button : box->buttons()) {
            if (button->text().remove(u'&') == answer)
                QTest::mouseClick(button, Qt::LeftButton);
        }
    });
}

} // namespace ReleaseDeck::Test
