#pragma once

#include <QObject>

class QSocketNotifier;

namespace ReleaseDeck {

// SIGINT and SIGTERM as a Qt signal, so a long-running command ends its work cleanly
// (the handler only writes to a pipe; the event loop does the rest).
class StopSignal : public QObject
{
    Q_OBJECT

public:
    explicit StopSignal(QObject* parent = nullptr);
    ~StopSignal() override;

signals:
    void received(int signal);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace ReleaseDeck
