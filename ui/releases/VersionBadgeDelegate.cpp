#include "releases/VersionBadgeDelegate.h"

#include "releases/ReleaseTableModel.h"
#include "widgets/StatusColors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace ReleaseDeck {

QFont VersionBadgeDelegate::badgeFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.8);
    font.setBold(true);
    return font;
}

void VersionBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QString version = item.text;
    item.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const bool hotfix = index.data(ReleaseTableModel::HotfixRole).toBool();
    const QString badge = tr("HOTFIX");
    const QFont small = badgeFont(option.font);
    const QFontMetrics badgeMetrics(small);
    const int padding = badgeMetrics.height() / 3;
    const int badgeWidth = hotfix ? badgeMetrics.horizontalAdvance(badge) + 2 * padding : 0;
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget);
    const QFontMetrics metrics(option.font);
    const QString shown = metrics.elidedText(
        version, Qt::ElideRight, textRect.width() - (hotfix ? badgeWidth + 2 * padding : 0));

    painter->save();
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, shown);
    if (hotfix) {
        QRect pill(0, 0, badgeWidth, badgeMetrics.height() + 2);
        pill.moveCenter(textRect.center());
        pill.moveLeft(textRect.left() + metrics.horizontalAdvance(shown) + 2 * padding);
        const QColor color = StatusColors::warning(option.palette);
        painter->setRenderHint(QPainter::Antialiasing);
        QPainterPath path;
        path.addRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), 3.0, 3.0);
        // On a selected row the badge keeps its own background, so its colour stays readable.
        if (selected)
            painter->fillPath(path, option.palette.color(QPalette::Base));
        QColor fill = color;
        fill.setAlpha(StatusColors::isDark(option.palette) ? 60 : 36);
        painter->fillPath(path, fill);
        painter->setPen(QPen(color, 1));
        painter->drawPath(path);
        painter->setFont(small);
        painter->drawText(pill, Qt::AlignCenter, badge);
    }
    painter->restore();
}

QSize VersionBadgeDelegate::sizeHint(const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(ReleaseTableModel::HotfixRole).toBool()) {
        const QFontMetrics badgeMetrics(badgeFont(option.font));
        size.rwidth() += badgeMetrics.horizontalAdvance(tr("HOTFIX")) + badgeMetrics.height() * 2;
    }
    return size;
}

} // namespace ReleaseDeck
