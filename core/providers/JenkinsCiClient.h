#pragma once

#include "CiClient.h"
#include "ProviderInfo.h"
#include "RestEndpoint.h"

#include <optional>

namespace ReleaseDeck {

// Where a Jenkins controller lives and which jobs the release runs, from a connection's
// config (url, user, jobs: purpose → job full name like "mobile/android-release",
// refParameter, caBundle).
struct JenkinsTarget
{
    QUrl url; // https://ci.example.com or https://host/jenkins
    QString user;
    QJsonObject jobs;
    QString refParameter = QStringLiteral("BRANCH"); // the job parameter that receives the ref
    QString caBundle;

    // url, user and the job per purpose.
    static QList<ProviderField> fields();
    static Result<JenkinsTarget> fromConfig(const QJsonObject& config);
};

// Jenkins with a user and API token (Basic). POSTs carry a CSRF crumb when the controller
// issues one. A trigger answers with a queue item, followed later to its build.
//
// Each trigger input becomes a build parameter named in capitals (release_deck_task →
// RELEASE_DECK_TASK, PLATFORM, VERSION, COMMIT) beside refParameter. Jenkins drops
// parameters a job does not declare, so a job Release Deck triggers declares them as
// string parameters; findRun() recognises a build or queue item by RELEASE_DECK_TASK.
class JenkinsCiClient : public CiClient
{
public:
    JenkinsCiClient(const JenkinsTarget& target, const QString& token, const HttpClient& http);

    // The registry entry "jenkins".
    static ProviderInfo provider();

    // Auth works (/me is not anonymous) and every configured job exists.
    Result<VerificationReport> verify() override;
    Result<QList<CiWorkflow>> listWorkflows() override;
    // workflow: a configured purpose or a job's full name. The ref goes in refParameter.
    Result<CiRunHandle> trigger(const QString& workflow, const QString& ref,
                                const QJsonObject& inputs) override;
    Result<CiRunStatus> runStatus(const CiRunHandle& handle) override;
    // Looks in the queue first, then the job's last 50 builds: an item that leaves the
    // queue between the two looks is a build by the second.
    Result<std::optional<CiRunHandle>> findRun(const CiRunHandle& intent,
                                               const QString& marker) override;

    Result<bool> jobExists(const QString& job);
    // /job/a/job/b for the full name "a/b", each segment percent-encoded.
    static QString jobPath(const QString& job);

private:
    QString jobName(const QString& workflowOrPurpose) const;
    // The crumb header for POSTs, fetched once; none when the controller issues no crumbs.
    Result<std::optional<std::pair<QByteArray, QByteArray>>> crumb();
    // Sends a POST with the crumb; once more with a fresh crumb when Jenkins refuses it.
    Result<HttpResponse> sendWithCrumb(HttpRequest request);
    Result<CiRunStatus> buildStatus(const QString& job, qint64 number);
    // The id of the job's queue item whose RELEASE_DECK_TASK is marker, if one waits.
    Result<std::optional<qint64>> queuedItemWith(const QString& job, const QString& marker);
    // The number of the job's newest recent build whose RELEASE_DECK_TASK is marker.
    Result<std::optional<qint64>> buildWith(const QString& job, const QString& marker);

    JenkinsTarget m_target;
    RestEndpoint m_api;
    std::optional<std::optional<std::pair<QByteArray, QByteArray>>> m_crumb;
};

} // namespace ReleaseDeck
