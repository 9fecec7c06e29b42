#pragma once

#include "CiRunHandle.h"
#include "Result.h"
#include "VerificationReport.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

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
class CiClient
{
public:
    virtual ~CiClient() = default;

    // Auth works and every configured workflow/job exists.
    virtual Result<VerificationReport> verify() = 0;

    virtual Result<QList<CiWorkflow>> listWorkflows() = 0;
    // workflow: a purpose configured on the connection ("build") or a workflow/job itself.
    virtual Result<CiRunHandle> trigger(const QString& workflow, const QString& ref,
                                        const QJsonObject& inputs) = 0;
    // Poll this; a handle whose run is not found yet reports Pending.
    virtual Result<CiRunStatus> runStatus(const CiRunHandle& handle) = 0;
};

} // namespace ReleaseDeck
