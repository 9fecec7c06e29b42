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

// Calls onResult(result) on context's thread for each result the future reports, as it
// arrives, then onDone() once it finishes; never once context is destroyed.
template<typename T, typename ResultCallback, typename DoneCallback>
void whenEachReady(const QFuture<T>& future, QObject* context, ResultCallback onResult,
                   DoneCallback onDone)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::resultsReadyAt, context,
                     [watcher, onResult = std::move(onResult)](int begin, int end) mutable {
                         for (int index = begin; index < end; ++index)
                             onResult(watcher->resultAt(index));
                     });
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, onDone = std::move(onDone)]() mutable {
                         watcher->deleteLater();
                         onDone();
                     });
    watcher->setFuture(future);
}

} // namespace ReleaseDeck
