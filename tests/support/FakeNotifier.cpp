#include "FakeNotifier.h"

namespace ReleaseDeck::Test {

void FakeNotifier::show(const QString& title, const QString& body, qint64 workspaceId,
                        qint64 releaseId)
{
    shown.append({title, body, workspaceId, releaseId});
}

void FakeNotifier::click(int index)
{
    const Shown& notification = shown.at(index);
    emit clicked(notification.workspaceId, notification.releaseId);
}

} // namespace ReleaseDeck::Test
