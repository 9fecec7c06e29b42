#include "SecretStore.h"

#include <QEventLoop>
#include <QFutureWatcher>

namespace ReleaseDeck {

SecretResult awaitSecret(QFuture<SecretResult> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<SecretResult> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (future.resultCount() == 0)
        return SecretResult::failed(
            Error::internal(QStringLiteral("The secret store gave no answer.")));
    return future.result();
}

} // namespace ReleaseDeck
