#pragma once

#include "ConnectionEnums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ReleaseDeck {

// An integration of a workspace. The token is never here: secretRef names its keychain entry.
struct Connection
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    ConnectionCategory category = ConnectionCategory::Scm;
    // Provider id: github, github-enterprise, gitlab, bitbucket, slack, jira-cloud,
    // jira-server, github-actions, jenkins.
    QString provider;
    QString displayName;
    // Provider settings: owner/repo, base URL, channel, project keys per platform,
    // workflow or job per purpose… never a secret.
    QJsonObject config;
    QString secretRef;
    bool active = true;
    VerificationStatus status = VerificationStatus::Pending;
    QDateTime lastVerifiedAt; // UTC; null when never verified
    QString verificationError;
    qint64 createdBy = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace ReleaseDeck
