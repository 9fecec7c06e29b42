#pragma once

#include "desktop/Notifier.h"

#include <QList>

namespace ReleaseDeck::Test {

// Notifications for tests: recorded, never shown; a test clicks one with click().
class FakeNotifier final : public Notifier
{
    Q_OBJECT

public:
    struct Shown
    {
        QString title;
        QString body;
        qint64 workspaceId = 0;
        qint64 releaseId = 0;
    };

    using Notifier::Notifier;

    void show(const QString& title, const QString& body, qint64 workspaceId,
              qint64 releaseId) override;
    // The person clicks the index-th notification shown.
    void click(int index);

    QList<Shown> shown;
};

} // namespace ReleaseDeck::Test
