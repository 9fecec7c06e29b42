#include "connections/ConnectionTableModel.h"

#include "providers/ProviderRegistry.h"
#include "widgets/DisplayNames.h"
#include "widgets/RelativeTime.h"
#include "wizard/ConnectionRules.h"

#include <QIcon>

namespace ReleaseDeck {

int ConnectionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ConnectionRow& row = m_rows.at(index.row());
    const Connection& connection = row.connection;
    if (role == StatusRole)
        return int(connection.status);
    if (role == VerifyingRole)
        return m_verifying.contains(connection.id);
    if (role == ConnectionIdRole)
        return connection.id;

    switch (index.column()) {
    case ConnectionColumn:
        if (role == Qt::DisplayRole && ProviderRegistry::builtIn().isSimulated(connection.provider))
            return tr("%1 — Simulated").arg(ConnectionRules::providerName(connection.provider));
        if (role == Qt::DisplayRole)
            return tr("%1 — %2").arg(ConnectionRules::providerName(connection.provider),
                                     connection.displayName);
        if (role == Qt::DecorationRole)
            return QIcon(QStringLiteral(":/icons/provider-%1.svg").arg(connection.provider));
        if (role == Qt::ToolTipRole)
            return DisplayNames::category(connection.category);
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return m_verifying.contains(connection.id) ? tr("Verifying…")
                                                       : DisplayNames::status(connection.status);
        break;
    case LastVerifiedColumn:
        if (role == Qt::DisplayRole) {
            const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
            // A verification lies in the past; one stamped ahead is another machine's clock.
            const QDateTime at = connection.lastVerifiedAt;
            return RelativeTime::describe(at.isValid() && at > now ? now : at, now);
        }
        if (role == Qt::ToolTipRole)
            return RelativeTime::exact(connection.lastVerifiedAt);
        break;
    case ErrorColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return connection.verificationError;
        break;
    case TokenColumn:
        if (!ProviderRegistry::builtIn().needsToken(connection.provider)) {
            if (role == Qt::DisplayRole)
                return tr("Not needed");
            if (role == Qt::ToolTipRole)
                return tr("A simulated service of the sandbox: no token, no network.");
            break;
        }
        if (role == Qt::DisplayRole)
            return row.tokenOnThisMachine ? tr("Yes") : tr("No");
        if (role == Qt::ToolTipRole)
            return row.tokenOnThisMachine
                       ? tr("This computer's keychain holds the token.")
                       : tr("The token is not on this computer; Edit to enter it here.");
        break;
    default:
        break;
    }
    return {};
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ConnectionColumn:
        return tr("Connection");
    case StatusColumn:
        return tr("Status");
    case LastVerifiedColumn:
        return tr("Last verified");
    case ErrorColumn:
        return tr("Problem");
    case TokenColumn:
        return tr("Token here");
    default:
        return {};
    }
}

void ConnectionTableModel::setRows(const QList<ConnectionRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    std::sort(m_rows.begin(), m_rows.end(), [](const ConnectionRow& a, const ConnectionRow& b) {
        return int(a.connection.category) < int(b.connection.category);
    });
    m_verifying.clear();
    endResetModel();
}

void ConnectionTableModel::updateRow(const ConnectionRow& row)
{
    const int index = rowOf(row.connection.id);
    if (index < 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(row);
        endInsertRows();
        return;
    }
    m_rows[index] = row;
    m_verifying.remove(row.connection.id);
    emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

void ConnectionTableModel::removeConnection(qint64 connectionId)
{
    const int index = rowOf(connectionId);
    if (index < 0)
        return;
    beginRemoveRows({}, index, index);
    m_rows.removeAt(index);
    m_verifying.remove(connectionId);
    endRemoveRows();
}

void ConnectionTableModel::setVerifying(qint64 connectionId, bool verifying)
{
    const int index = rowOf(connectionId);
    if (index < 0)
        return;
    if (verifying)
        m_verifying.insert(connectionId);
    else
        m_verifying.remove(connectionId);
    emit dataChanged(this->index(index, StatusColumn), this->index(index, StatusColumn));
}

int ConnectionTableModel::rowOf(qint64 connectionId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).connection.id == connectionId)
            return i;
    }
    return -1;
}

QList<qint64> ConnectionTableModel::connectionIds() const
{
    QList<qint64> ids;
    for (const ConnectionRow& row : m_rows)
        ids.append(row.connection.id);
    return ids;
}

void ConnectionTableModel::setNow(const QDateTime& now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, LastVerifiedColumn),
                         index(int(m_rows.size()) - 1, LastVerifiedColumn));
}

} // namespace ReleaseDeck
