#include "DatabaseHealth.h"

#include "backend/FutureReply.h"

#include <QTimer>

#include <cmath>

namespace ReleaseDeck {

DatabaseHealth::DatabaseHealth(Probe probe, QObject* parent)
    : QObject(parent)
    , m_probe(std::move(probe))
    , m_next(new QTimer(this))
    , m_countdown(new QTimer(this))
{
    m_next->setSingleShot(true);
    connect(m_next, &QTimer::timeout, this, &DatabaseHealth::checkNow);
    m_countdown->setInterval(1000);
    m_countdown->setTimerType(Qt::PreciseTimer);
    connect(m_countdown, &QTimer::timeout, this, &DatabaseHealth::changed);
}

void DatabaseHealth::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    if (m_next->isActive())
        m_next->start(m_interval);
}

void DatabaseHealth::start(const BackendStatus& known)
{
    if (!m_stopped)
        finishCheck(known);
}

void DatabaseHealth::stop()
{
    m_stopped = true;
    m_next->stop();
    m_countdown->stop();
}

int DatabaseHealth::secondsUntilRetry() const
{
    return std::max(1, int(std::ceil(double(m_retryAt.remainingTime()) / 1000.0)));
}

void DatabaseHealth::checkNow()
{
    if (m_checking || m_stopped)
        return;
    m_checking = true;
    m_next->stop();
    m_countdown->stop();
    emit changed();
    whenFinished(m_probe(), this, [this](const BackendStatus& status) {
        m_checking = false;
        if (!m_stopped)
            finishCheck(status);
    });
}

void DatabaseHealth::reportConnectionLost()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            // While unreachable the countdown already says when it is tried again.
            if (m_status.databaseReachable)
                checkNow();
        },
        Qt::QueuedConnection);
}

void DatabaseHealth::finishCheck(const BackendStatus& status)
{
    const bool wasReachable = m_status.databaseReachable;
    m_status = status;
    m_retryAt.setRemainingTime(m_interval);
    m_next->start(m_interval);
    if (status.databaseReachable)
        m_countdown->stop();
    else
        m_countdown->start();
    emit changed();
    if (status.databaseReachable && !wasReachable)
        emit recovered();
}

} // namespace ReleaseDeck
