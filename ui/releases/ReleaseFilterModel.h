#pragma once

#include <QSortFilterProxyModel>

namespace ReleaseDeck {

class ReleaseTableModel;

// The dashboard's view of its releases: Active (not completed, cancelled or archived),
// Completed (completed or archived) or All; a search by version; sorted by any column in
// the column's own order (versions by number, stages by progress, dates by time).
// Unsorted, it keeps the model's order: newest first.
class ReleaseFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Filter
    {
        Active,
        Completed,
        All,
    };

    explicit ReleaseFilterModel(ReleaseTableModel* source, QObject* parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    void setSearch(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ReleaseTableModel* m_source;
    Filter m_filter = Filter::Active;
    QString m_search;
};

} // namespace ReleaseDeck
