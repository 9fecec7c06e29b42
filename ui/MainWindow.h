#pragma once

#include <QMainWindow>

namespace ReleaseDeck {

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void restoreWindowState();
};

} // namespace ReleaseDeck
