#pragma once

#include "CiRunHandle.h"
#include "Result.h"
#include "VerificationReport.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace ReleaseDeck {

struct CiWorkflow
{
    QString id;
    QString name;
    QString path; // ".github/workflows/release.yml", a Jenkins job's full name
};

enum class CiRunState
{
    Pending, // triggered, the run is not known or not started yet
    Running,
    Succeeded,
    Failed,
    Cancelled,
};

struct CiRunStatus
{
    CiRunState state = CiRunState::Pending;
    QString conclusion; // the provider's word: "success", "FAILURE", "timed_out"…
    QUrl webUrl;
    qint64 buildNumber = 0; // run number / build number, 0 while unknown
    QString runId;
};

// Continuous integration for build and deploy tasks. Calls block the calling thread.
//
// A release task marks each run it starts: trigger()'s inputs carry markerInput() (e.g.
// "rd-42-TRIGGER_REGRESSION_BUILDS-c2-ANDROID"), beside "platform", "version" and "commit"
// where they apply, so findRun() recognises the run after a crash. Each provider says how
// the inputs reach the run (GitHub Actions inputs, Jenkins build parameters).
class CiClient
{
public:
    virtual ~CiClient() = default;

    // The input that carries a run's marker.
    static QString markerInput() { return QStringLiteral("release_deck_task"); }

    // Auth works and every configured workflow/job exists.
    virtual Result<VerificationReport> verify() = 0;

    virtual Result<QList<CiWorkflow>> listWorkflows() = 0;
    // workflow: a CI purpose configured on the connection ("REGRESSION_BUILD", see
    // CiPurpose) or a workflow/job itself.
    virtual Result<CiRunHandle> trigger(const QString& workflow, const QString& ref,
                                        const QJsonObject& inputs) = 0;
    // Poll this; a handle whose run is not found yet reports Pending.
    virtual Result<CiRunStatus> runStatus(const CiRunHandle& handle) = 0;
    // The run a trigger marked with marker started, found again after a crash. intent: the
    // workflow, ref and triggeredAt recorded before the trigger was sent. None: no such run
    // (the trigger never reached the provider), so triggering again starts the only one.
    // The newest match wins when a marker was triggered twice.
    virtual Result<std::optional<CiRunHandle>> findRun(const CiRunHandle& intent,
                                                       const QString& marker) = 0;
};

} // namespace ReleaseDeck
