#include "releases/TaskDetailsView.h"

#include "releases/ReleaseTaskModel.h"

#include <QDesktopServices>
#include <QUrl>

namespace ReleaseDeck {

TaskDetailsView::TaskDetailsView(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("taskDetails"));
    setAccessibleName(tr("Task details"));
    setWordWrap(true);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setFocusPolicy(Qt::StrongFocus);
    setContentsMargins(4, 4, 4, 4);
    connect(this, &QLabel::linkActivated, this, [this](const QString& link) {
        const QUrl url(link);
        QDesktopServices::openUrl(url);
        emit linkOpened(url);
    });
    showRow({});
}

void TaskDetailsView::showRow(const QModelIndex& index)
{
    const QModelIndex first = index.siblingAtColumn(ReleaseTaskModel::NameColumn);
    if (!first.isValid()) {
        setText(tr("Choose a task to see its details and links."));
        setAccessibleDescription(text());
        return;
    }
    const auto column = [&first](int which) {
        return first.siblingAtColumn(which).data().toString().toHtmlEscaped();
    };
    QStringList lines;
    lines.append(
        tr("<b>%1</b> — %2")
            .arg(column(ReleaseTaskModel::NameColumn), column(ReleaseTaskModel::StatusColumn)));
    if (!column(ReleaseTaskModel::AttemptsColumn).isEmpty())
        lines.append(tr("Attempts: %1").arg(column(ReleaseTaskModel::AttemptsColumn)));
    if (!column(ReleaseTaskModel::StartedColumn).isEmpty() ||
        !column(ReleaseTaskModel::FinishedColumn).isEmpty())
        lines.append(tr("Started: %1 · Finished: %2")
                         .arg(column(ReleaseTaskModel::StartedColumn),
                              column(ReleaseTaskModel::FinishedColumn)));
    const QString error = first.data(ReleaseTaskModel::ErrorRole).toString();
    if (!error.isEmpty())
        lines.append(tr("Last error: %1").arg(error.toHtmlEscaped()));
    const QString waiting = first.data(ReleaseTaskModel::WaitingRole).toString();
    if (!waiting.isEmpty())
        lines.append(tr("Waits: %1").arg(waiting.toHtmlEscaped()));
    QStringList anchors;
    for (const QVariant& link : first.data(ReleaseTaskModel::LinksRole).toList()) {
        const QStringList parts = link.toStringList();
        anchors.append(QStringLiteral("<a href=\"%1\">%2</a>")
                           .arg(parts.value(1).toHtmlEscaped(), parts.value(0).toHtmlEscaped()));
    }
    if (!anchors.isEmpty())
        lines.append(tr("Open: %1").arg(anchors.join(QStringLiteral(" · "))));
    setText(lines.join(QStringLiteral("<br>")));
    setAccessibleDescription(text());
}

} // namespace ReleaseDeck
