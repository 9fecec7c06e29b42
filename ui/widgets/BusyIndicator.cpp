#include "widgets/BusyIndicator.h"

namespace ReleaseDeck {

BusyIndicator::BusyIndicator(QWidget* parent)
    : QProgressBar(parent)
{
    setRange(0, 0);
    setTextVisible(false);
    setMaximumWidth(fontMetrics().averageCharWidth() * 12);
    setMaximumHeight(fontMetrics().height() * 2 / 3);
    setAccessibleName(tr("Working"));
    setVisible(false);
}

void BusyIndicator::setBusy(bool busy)
{
    setVisible(busy);
}

} // namespace ReleaseDeck
