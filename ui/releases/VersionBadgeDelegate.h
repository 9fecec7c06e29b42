#pragma once

#include <QStyledItemDelegate>

namespace ReleaseDeck {

// Draws a release's version with a HOTFIX badge after it for hotfixes.
class VersionBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    static QFont badgeFont(const QFont& base);
};

} // namespace ReleaseDeck
