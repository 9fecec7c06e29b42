#pragma once

#include "providers/CiClient.h"
#include "providers/ProviderInfo.h"

namespace ReleaseDeck {

class Database;

// The sandbox's simulated CI ("sandbox-ci"): a triggered run is a row of the sandbox
// workspace that runs for a while (RunSeconds divided by the sandbox's time scale) and then
// succeeds, or fails when people asked for the next run to fail. Runs carry their marker, so
// findRun finds them again after a crash, and a fake log. No token, no network.
class SandboxCiClient : public CiClient
{
public:
    // How long a run takes, before the sandbox's time scale.
    static constexpr int RunSeconds = 30;

    SandboxCiClient(const Connection& connection, Database* database);

    static ProviderInfo provider();
    // The workflow per CI purpose a sandbox's CI connection is configured with.
    static QJsonObject workflows();

    Result<VerificationReport> verify() override;
    Result<QList<CiWorkflow>> listWorkflows() override;
    Result<CiRunHandle> trigger(const QString& workflow, const QString& ref,
                                const QJsonObject& inputs) override;
    Result<CiRunStatus> runStatus(const CiRunHandle& handle) override;
    Result<std::optional<CiRunHandle>> findRun(const CiRunHandle& intent,
                                               const QString& marker) override;

private:
    Connection m_connection;
    Database* m_database;
};

} // namespace ReleaseDeck
