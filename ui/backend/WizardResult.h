#pragma once

#include "backend/DatabaseDraft.h"
#include "model/ConnectionDraft.h"

#include <QList>
#include <QString>

namespace ReleaseDeck {

// Everything the onboarding wizard collected; the backend saves all of it or nothing.
struct WizardResult
{
    // 0: create a workspace named workspaceName; otherwise join this existing one.
    qint64 joinWorkspaceId = 0;
    QString workspaceName;
    QString displayName;
    QString email;
    DatabaseDraft database;
    // Only the verified connections; skipped pages are absent.
    QList<ConnectionDraft> connections;
};

} // namespace ReleaseDeck
