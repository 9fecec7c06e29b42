#pragma once

#include <QProgressBar>

namespace ReleaseDeck {

// A small indeterminate bar shown while something is on its way; hidden otherwise.
class BusyIndicator : public QProgressBar
{
    Q_OBJECT

public:
    explicit BusyIndicator(QWidget* parent = nullptr);

    void setBusy(bool busy);
};

} // namespace ReleaseDeck
