#include "releases/ReleaseTaskModel.h"

#include "releases/ReleaseTaskRows.h"
#include "widgets/StatusColors.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>

namespace ReleaseDeck {

ReleaseTaskModel::ReleaseTaskModel(QObject* parent)
    : QStandardItemModel(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels(
        {tr("Task"), tr("Status"), tr("Attempts"), tr("Started"), tr("Finished"), tr("Details")});
}

void ReleaseTaskModel::setDetail(const ReleaseDetail& detail)
{
    merge(invisibleRootItem(), ReleaseTaskRows::of(detail));
}

void ReleaseTaskModel::merge(QStandardItem* parent, const QList<Row>& rows)
{
    for (int at = 0; at < rows.size(); ++at) {
        const Row& row = rows.at(at);
        // Rows before this one's match are gone; a row not there yet is inserted here.
        int found = -1;
        for (int existing = at; existing < parent->rowCount(); ++existing) {
            if (parent->child(existing)->data(KeyRole).toString() == row.key) {
                found = existing;
                break;
            }
        }
        if (found < 0) {
            parent->insertRow(at, itemsFor(row));
        } else if (found > at) {
            parent->removeRows(at, found - at);
        }
        update(parent, at, row);
    }
    if (parent->rowCount() > rows.size())
        parent->removeRows(int(rows.size()), parent->rowCount() - int(rows.size()));
}

QList<QStandardItem*> ReleaseTaskModel::itemsFor(const Row& row)
{
    QList<QStandardItem*> items;
    for (int column = 0; column < ColumnCount; ++column) {
        auto* item = new QStandardItem;
        item->setEditable(false);
        items.append(item);
    }
    items.first()->setData(row.key, KeyRole);
    return items;
}

void ReleaseTaskModel::update(QStandardItem* parent, int at, const Row& row)
{
    QStandardItem* first = parent->child(at, NameColumn);
    first->setData(int(row.kind), KindRole);
    for (auto it = row.data.cbegin(); it != row.data.cend(); ++it)
        first->setData(it.value(), it.key());
    for (int column = 0; column < ColumnCount; ++column) {
        QStandardItem* item = parent->child(at, column);
        const QString text = row.texts.value(column);
        item->setText(text);
        item->setToolTip(text);
    }
    if (row.kind == SectionRow) {
        QFont bold = first->font();
        bold.setBold(true);
        first->setFont(bold);
    }
    parent->child(at, StatusColumn)->setIcon(row.tone.isEmpty() ? QIcon() : icon(row.tone));
    merge(first, row.children);
}

QIcon ReleaseTaskModel::icon(const QString& tone)
{
    if (const auto cached = m_icons.constFind(tone); cached != m_icons.cend())
        return *cached;
    const QPalette palette = QApplication::palette();
    QColor colour = StatusColors::muted(palette);
    if (tone == QLatin1String("success"))
        colour = StatusColors::success(palette);
    else if (tone == QLatin1String("error"))
        colour = StatusColors::error(palette);
    else if (tone == QLatin1String("warning"))
        colour = StatusColors::warning(palette);
    else if (tone == QLatin1String("running"))
        colour = palette.color(QPalette::Highlight);
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(4, 4, 24, 24));
    const QIcon made(pixmap);
    m_icons.insert(tone, made);
    return made;
}

QModelIndex ReleaseTaskModel::indexOfKey(const QString& key) const
{
    return find({}, key);
}

QModelIndex ReleaseTaskModel::find(const QModelIndex& parent, const QString& key) const
{
    for (int row = 0; row < rowCount(parent); ++row) {
        const QModelIndex here = index(row, 0, parent);
        if (here.data(KeyRole).toString() == key)
            return here;
        if (const QModelIndex below = find(here, key); below.isValid())
            return below;
    }
    return {};
}

} // namespace ReleaseDeck
