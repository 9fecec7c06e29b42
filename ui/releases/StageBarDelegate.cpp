#include "releases/StageBarDelegate.h"

#include "releases/ReleaseTableModel.h"
#include "releases/StageProgress.h"
#include "widgets/StatusColors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <array>

namespace ReleaseDeck {

namespace {

// Regression holds the cycles, so it gets the most room; Done only says it is over.
constexpr std::array<double, 4> Weights = {1.0, 1.7, 1.0, 0.6};

QColor alertColor(StageProgress::Alert alert, const QPalette& palette)
{
    switch (alert) {
    case StageProgress::Alert::Paused:
        return StatusColors::warning(palette);
    case StageProgress::Alert::Failed:
        return StatusColors::error(palette);
    case StageProgress::Alert::Cancelled:
        return StatusColors::muted(palette);
    case StageProgress::Alert::None:
        break;
    }
    return palette.color(QPalette::Highlight);
}

} // namespace

void StageBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const auto progress = index.data(ReleaseTableModel::StageProgressRole).value<StageProgress>();
    const QPalette& palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QFontMetrics metrics(option.font);
    const int margin = metrics.height() / 3;
    const QRect area = option.rect.adjusted(margin, margin, -margin, -margin);
    const int barHeight = std::max(6, metrics.height() / 3);
    const QRectF bar(area.left(), area.top() + 1, area.width(), barHeight);

    const QColor done =
        selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Highlight);
    QColor track = palette.color(QPalette::Text);
    track.setAlpha(StatusColors::isDark(palette) ? 60 : 40);
    const double gap = 2.0;
    double weightSum = 0.0;
    for (const double weight : Weights)
        weightSum += weight;
    const double usable = bar.width() - gap * 3;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    double x = bar.left();
    for (std::size_t i = 0; i < progress.segments.size(); ++i) {
        const StageProgress::Segment& segment = progress.segments[i];
        const QRectF box(x, bar.top(), usable * Weights[i] / weightSum, bar.height());
        x += box.width() + gap;
        const bool current = segment.state == StageProgress::SegmentState::Current;
        const QColor fill = current && progress.alert != StageProgress::Alert::None
                                ? alertColor(progress.alert, palette)
                                : done;
        QPainterPath shape;
        shape.addRoundedRect(box, 2.0, 2.0);
        painter->fillPath(shape, track);
        if (segment.fill > 0.0) {
            painter->save();
            painter->setClipRect(
                QRectF(box.left(), box.top(), box.width() * segment.fill, box.height()));
            painter->fillPath(shape, fill);
            painter->restore();
        }
        // The current stage is outlined, so an empty one still shows where the release is.
        if (current) {
            painter->setPen(QPen(fill, 1.0));
            painter->drawPath(shape);
        }
        if (segment.notches > 0) {
            painter->setPen(
                QPen(palette.color(selected ? QPalette::Highlight : QPalette::Base), 1.5));
            for (int notch = 1; notch <= segment.notches; ++notch) {
                const double at = box.left() + box.width() * notch / (segment.notches + 1);
                painter->drawLine(QPointF(at, box.top()), QPointF(at, box.bottom()));
            }
        }
    }

    const QRect textArea(area.left(), int(bar.bottom()) + margin / 2 + 1, area.width(),
                         area.bottom() - int(bar.bottom()) - margin / 2);
    QColor textColor =
        selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    if (!selected && progress.alert != StageProgress::Alert::None)
        textColor = alertColor(progress.alert, palette);
    painter->setPen(textColor);
    painter->setFont(option.font);
    painter->drawText(textArea, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(progress.label, Qt::ElideRight, textArea.width()));
    painter->restore();
}

QSize StageBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics metrics(option.font);
    const auto progress = index.data(ReleaseTableModel::StageProgressRole).value<StageProgress>();
    const int margin = metrics.height() / 3;
    return {std::max(metrics.averageCharWidth() * 30,
                     metrics.horizontalAdvance(progress.label) + 2 * margin),
            metrics.height() + std::max(6, metrics.height() / 3) + 2 * margin + margin / 2 + 2};
}

} // namespace ReleaseDeck
