#pragma once

#include <QStyledItemDelegate>

namespace ReleaseDeck {

// Draws a release's stage progress: a bar of four segments (Kickoff, Regression with a
// notch between cycles, Pre-release, Done) — done ones filled, the current one filled by
// its share of finished tasks and drawn in the warning or error colour while paused or
// failed — with the stage in words beneath, so colour never carries meaning alone.
class StageBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace ReleaseDeck
