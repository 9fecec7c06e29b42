#include "backend/OrchestratorThread.h"

#include "logging/Logging.h"

#include <QSettings>

namespace ReleaseDeck {

namespace {

const QString EnabledKey = QStringLiteral("orchestrator/enabled");
const QString TickKey = QStringLiteral("orchestrator/tickSeconds");

} // namespace

OrchestratorThread::OrchestratorThread(SecretStore* secrets, HttpSettings http, QObject* parent)
    : LocalOrchestrator(parent)
    , m_secrets(secrets)
    , m_options(OrchestratorOptions::forThisProcess())
    , m_home(new QObject)
{
    m_options.http = std::move(http);
    QSettings settings;
    m_enabled = settings.value(EnabledKey, true).toBool();
    // A value edited by hand that does not fit the lease leaves the default.
    const int tick = settings.value(TickKey, m_options.tickSeconds).toInt();
    if (OrchestratorOptions::checkTickSeconds(tick, m_options.leaseSeconds))
        m_options.tickSeconds = tick;
    m_thread.setObjectName(QStringLiteral("orchestrator"));
    m_home->moveToThread(&m_thread);
    // The home object goes with its thread; it owns whatever orchestrator is left.
    connect(&m_thread, &QThread::finished, m_home, &QObject::deleteLater);
}

OrchestratorThread::~OrchestratorThread()
{
    stop();
    m_thread.wait();
    // A thread never started never deleted its home.
    if (!m_thread.isFinished())
        delete m_home;
}

template<typename Work>
void OrchestratorThread::onThread(Work work)
{
    if (!m_thread.isRunning())
        m_thread.start();
    QMetaObject::invokeMethod(m_home, std::move(work), Qt::QueuedConnection);
}

void OrchestratorThread::runOn(Database* database, qint64 accountId,
                               std::shared_ptr<const void> keepAlive)
{
    m_target = {database, accountId, std::move(keepAlive)};
    if (m_phase == Phase::Running)
        stopRun();
    else
        launch();
}

void OrchestratorThread::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    QSettings().setValue(EnabledKey, enabled);
    if (enabled)
        launch();
    else
        stopRun();
    emit changed();
}

Status OrchestratorThread::setTickSeconds(int seconds)
{
    if (Status fits = OrchestratorOptions::checkTickSeconds(seconds, m_options.leaseSeconds); !fits)
        return fits;
    if (seconds == m_options.tickSeconds)
        return {};
    m_options.tickSeconds = seconds;
    QSettings().setValue(TickKey, seconds);
    if (m_phase == Phase::Running) {
        onThread([this, seconds] {
            if (m_orchestrator)
                m_orchestrator->setTickSeconds(seconds);
        });
    }
    emit changed();
    return {};
}

void OrchestratorThread::tickSoon()
{
    if (m_phase != Phase::Running)
        return;
    onThread([this] {
        if (m_orchestrator)
            m_orchestrator->tickSoon();
    });
}

void OrchestratorThread::launch()
{
    if (m_phase != Phase::Idle || !m_enabled || !m_target.database || !m_secrets || m_quitting)
        return;
    m_phase = Phase::Running;
    const Target target = m_target;
    const OrchestratorOptions options = m_options;
    onThread([this, target, options] {
        m_runKeepAlive = target.keepAlive;
        m_orchestrator =
            new Orchestrator(*target.database, *m_secrets, target.accountId, options, m_home);
        connect(m_orchestrator, &Orchestrator::statusChanged, this,
                &OrchestratorThread::takeStatus);
        connect(m_orchestrator, &Orchestrator::stopped, m_home, [this] {
            // Deleted once its signal has returned; the database it used lives until then.
            QMetaObject::invokeMethod(
                m_home,
                [this, done = m_orchestrator, keepAlive = std::move(m_runKeepAlive)]() mutable {
                    delete done;
                    keepAlive.reset();
                    if (m_quitting)
                        m_thread.quit();
                    else
                        QMetaObject::invokeMethod(this, &OrchestratorThread::runStopped,
                                                  Qt::QueuedConnection);
                },
                Qt::QueuedConnection);
            m_orchestrator = nullptr;
        });
        m_orchestrator->start();
        qCInfo(lcUi).noquote() << "orchestrating as" << m_options.holder;
    });
    emit changed();
}

void OrchestratorThread::stopRun()
{
    if (m_phase != Phase::Running)
        return;
    m_phase = Phase::Stopping;
    onThread([this] {
        if (m_orchestrator)
            m_orchestrator->stop();
    });
    emit changed();
}

void OrchestratorThread::stop()
{
    if (m_quitting.exchange(true))
        return;
    if (!m_thread.isRunning())
        return;
    // Stops the run if there is one (its stopped() then ends the thread), else the thread.
    QMetaObject::invokeMethod(
        m_home,
        [this] {
            if (m_orchestrator)
                m_orchestrator->stop();
            else
                m_thread.quit();
        },
        Qt::QueuedConnection);
}

void OrchestratorThread::takeStatus(const OrchestratorStatus& status)
{
    if (m_phase != Phase::Running)
        return;
    m_status = status;
    emit changed();
}

void OrchestratorThread::runStopped()
{
    m_phase = Phase::Idle;
    m_status = {};
    emit changed();
    launch();
}

} // namespace ReleaseDeck
