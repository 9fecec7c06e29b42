#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace ReleaseDeck {

// Calls onReady(result) on context's thread once future finishes; never if context is
// destroyed first. The GUI's only way to take a backend answer: it never blocks.
template<typename T, typename Callback>
void whenFinished(const QFuture<T>& future, QObject* context, Callback onReady)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, onReady = std::move(onReady)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().isCanceled() || watcher->future().resultCount() == 0)
                             return;
                         onReady(watcher->result());
                     });
    watcher->setFuture(future);
}

} // namespace ReleaseDeck
