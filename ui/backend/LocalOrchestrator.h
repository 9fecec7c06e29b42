#pragma once

#include "Result.h"
#include "orchestrator/OrchestratorStatus.h"

#include <QObject>

namespace ReleaseDeck {

// This app's own orchestrator as the window sees it: whether it runs (a setting, on unless
// turned off), the name it holds leases under, the last status it reported, and a way to
// make it tick at once after an action made here. The app runs core's Orchestrator on its
// own thread (OrchestratorThread); tests use a fake. Lives on the GUI thread.
class LocalOrchestrator : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual bool enabled() const = 0;
    // Remembered; turning it off gives the leases back.
    virtual void setEnabled(bool enabled) = 0;
    // "orchestrator@host/4242": how the lease row names this instance.
    virtual QString holder() const = 0;
    // The last status the orchestrator reported; no workspaces while off or starting.
    virtual OrchestratorStatus status() const = 0;
    // A tick at once (coalesced); nothing when off.
    virtual void tickSoon() = 0;
    // Seconds between ticks (a setting, 10 unless changed); a value that
    // OrchestratorOptions::checkTickSeconds() refuses is refused here too. Remembered and
    // applied at once.
    virtual int tickSeconds() const = 0;
    virtual Status setTickSeconds(int seconds) = 0;

signals:
    // enabled(), tickSeconds(), status() or the running state changed.
    void changed();
};

} // namespace ReleaseDeck
