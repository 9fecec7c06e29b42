#pragma once

#include <QStyledItemDelegate>

namespace ReleaseDeck {

// Paints a verification status as a coloured pill with its word in it: colour and text,
// so it reads without colour too.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace ReleaseDeck
