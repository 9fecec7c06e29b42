#include "releases/ReleaseChangesView.h"

#include "widgets/BusyIndicator.h"

#include <QDesktopServices>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace ReleaseDeck {

ReleaseChangesView::ReleaseChangesView(QWidget* parent)
    : QWidget(parent)
    , m_busy(new BusyIndicator(this))
    , m_message(new QLabel(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("releaseChanges"));
    setAccessibleName(tr("Changes in this release"));
    m_busy->setObjectName(QStringLiteral("releaseChangesBusy"));
    m_busy->setAccessibleName(tr("Reading the changes"));
    m_message->setObjectName(QStringLiteral("releaseChangesMessage"));
    m_message->setAccessibleName(tr("About the changes"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_message, &QLabel::linkActivated, this,
            [](const QString& link) { QDesktopServices::openUrl(QUrl(link)); });
    m_list->setObjectName(QStringLiteral("releaseChangesList"));
    m_list->setAccessibleName(tr("Commits in this release"));
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_busy);
    layout->addWidget(m_message);
    layout->addWidget(m_list, 1);
}

void ReleaseChangesView::setLoading()
{
    m_busy->setBusy(true);
    m_message->setText(tr("Reading the changes from source control…"));
}

void ReleaseChangesView::setComparison(const Result<ScmComparison>& comparison)
{
    m_busy->setBusy(false);
    m_list->clear();
    if (!comparison) {
        m_message->setText(comparison.error().message.toHtmlEscaped());
        m_message->setAccessibleDescription(comparison.error().message);
        return;
    }
    const QString summary =
        comparison->commits.isEmpty()
            ? tr("No commits between %1 and %2.").arg(comparison->base, comparison->head)
            : tr("%1 commits from %2 to %3.")
                  .arg(comparison->commits.size())
                  .arg(comparison->base, comparison->head);
    m_message->setText(
        comparison->webUrl.isValid() && !comparison->webUrl.isEmpty()
            ? tr("%1 <a href=\"%2\">Open the comparison</a>")
                  .arg(summary.toHtmlEscaped(), comparison->webUrl.toString().toHtmlEscaped())
            : summary.toHtmlEscaped());
    m_message->setAccessibleDescription(summary);
    for (const ScmCommit& commit : comparison->commits) {
        auto* item = new QListWidgetItem(
            tr("%1  %2 — %3").arg(commit.sha.left(8), commit.title, commit.author), m_list);
        item->setToolTip(tr("%1\n%2 — %3").arg(commit.sha, commit.title, commit.author));
    }
}

} // namespace ReleaseDeck
