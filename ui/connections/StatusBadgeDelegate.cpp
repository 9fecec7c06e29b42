#include "connections/StatusBadgeDelegate.h"

#include "connections/ConnectionTableModel.h"
#include "widgets/StatusColors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace ReleaseDeck {

void StatusBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    const bool verifying = index.data(ConnectionTableModel::VerifyingRole).toBool();
    const auto status = VerificationStatus(index.data(ConnectionTableModel::StatusRole).toInt());
    const QColor color = verifying ? StatusColors::muted(option.palette)
                                   : StatusColors::forStatus(status, option.palette);

    const QFontMetrics metrics(option.font);
    const int padding = metrics.height() / 2;
    const int height = metrics.height() + padding / 2;
    QRect pill(0, 0, metrics.horizontalAdvance(text) + 2 * padding, height);
    pill.moveCenter(option.rect.center());
    pill.moveLeft(option.rect.left() + padding / 2);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlpha(StatusColors::isDark(option.palette) ? 60 : 36);
    QPainterPath path;
    path.addRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    // On a selected row the pill keeps its own background, so its colour stays readable.
    if (option.state & QStyle::State_Selected)
        painter->fillPath(path, option.palette.color(QPalette::Base));
    painter->fillPath(path, fill);
    painter->setPen(QPen(color, 1));
    painter->drawPath(path);
    painter->setPen(color);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem& option,
                                    const QModelIndex& index) const
{
    const QFontMetrics metrics(option.font);
    const QString text = index.data(Qt::DisplayRole).toString();
    return {metrics.horizontalAdvance(text) + 2 * metrics.height(), metrics.height() * 2};
}

} // namespace ReleaseDeck
