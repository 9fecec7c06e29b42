#pragma once

#include "Result.h"
#include "backend/ActivityEvent.h"
#include "backend/BackendStatus.h"
#include "backend/ChoicePage.h"
#include "backend/DatabaseDraft.h"
#include "backend/DatabaseHealth.h"
#include "backend/MemberRow.h"
#include "backend/ReleaseBackend.h"
#include "backend/WizardResult.h"
#include "backend/WorkspaceSummary.h"
#include "model/ConnectionDraft.h"
#include "providers/VerificationOutcome.h"
#include "services/ConnectionRow.h"
#include "services/MemberService.h"

#include <QFuture>
#include <QList>

namespace ReleaseDeck {

class SandboxBackend;

// Everything the user interface asks of the rest of the app. The GUI thread never waits:
// each call returns at once with a future that finishes (on any thread) when the answer
// is known; the UI takes the result back on its own thread with whenFinished().
// The app implements it over the stores, the keychain and the provider clients; tests
// use a fake. Failures are values: a Result's Error says what went wrong in one sentence.
// Every future must end with exactly one result; a cancelled future leaves the UI waiting.
class ConnectionBackend
{
public:
    virtual ~ConnectionBackend() = default;

    // Onboarding: nothing here writes anything, except finish().
    virtual QFuture<VerificationOutcome> verifyDraft(const ConnectionDraft& draft) = 0;
    virtual QFuture<Result<ChoicePage>> listBranches(const ConnectionDraft& draft) = 0;
    // Paginated: pass the previous page's nextCursor to continue; search narrows by name.
    virtual QFuture<Result<ChoicePage>>
    listChannels(const ConnectionDraft& draft, const QString& search, const QString& cursor) = 0;
    virtual QFuture<Result<ChoicePage>> listWorkflows(const ConnectionDraft& draft) = 0;
    // Signs in to a shared server with the person's own database account; on success, the
    // workspaces that account is a member of, with its role in each.
    virtual QFuture<Result<QList<WorkspaceSummary>>> testDatabase(const DatabaseDraft& draft) = 0;
    // Saves workspace, account, membership, database choice, connection rows and keychain
    // entries together. If any part fails (e.g. no keychain) nothing is saved.
    virtual QFuture<Status> finish(const WizardResult& result) = 0;
    // Whether the onboarding wizard must run: no database configured or no workspace.
    virtual bool needsOnboarding() const = 0;

    // Connections page. Every call names the workspace it acts in.
    virtual QFuture<Result<QList<ConnectionRow>>> listConnections(qint64 workspaceId) = 0;
    // Verifies a stored connection and saves the outcome; the answer is the updated row.
    virtual QFuture<Result<ConnectionRow>> verify(qint64 workspaceId, qint64 connectionId) = 0;
    // Verifies every active connection of the workspace concurrently, reading each token
    // once. The future reports one result per connection as each is saved (not in order);
    // an error result says what stopped the rest.
    virtual QFuture<Result<ConnectionRow>> verifyAll(qint64 workspaceId) = 0;
    // Replaces the workspace's connection of the draft's category (Add and Edit); the
    // token goes to the keychain. The answer is the saved row.
    virtual QFuture<Result<ConnectionRow>> saveConnection(qint64 workspaceId,
                                                          const ConnectionDraft& draft) = 0;
    // Deactivates the connection and deletes its keychain entry.
    virtual QFuture<Status> disconnect(qint64 workspaceId, qint64 connectionId) = 0;

    // Members page. Every call names the workspace it acts in; only an OWNER changes members.
    virtual QFuture<Result<QList<MemberRow>>> listMembers(qint64 workspaceId) = 0;
    // Adds the member and sets up their database login on a shared server.
    virtual QFuture<Result<MemberAdded>> addMember(qint64 workspaceId,
                                                   const MemberDraft& draft) = 0;
    virtual QFuture<Result<Member>> setMemberRole(qint64 workspaceId, qint64 accountId,
                                                  Role role) = 0;
    // Removes the member; on a shared server their database access ends at once.
    virtual QFuture<Status> removeMember(qint64 workspaceId, qint64 accountId) = 0;

    // Main window.
    virtual QFuture<Result<QList<WorkspaceSummary>>> workspaces() = 0;
    // Events with a seq above afterSeq (0: the latest ones), newest first.
    virtual QFuture<Result<QList<ActivityEvent>>> events(qint64 workspaceId, qint64 afterSeq) = 0;
    // Whether the database answers, probed live; the status bar shows it.
    virtual DatabaseHealth& databaseHealth() = 0;
    // The releases of the same database: the dashboard and the release pages.
    virtual ReleaseBackend& releases() = 0;
    // The sandbox, when this backend offers one (none: the app shows no sandbox controls).
    virtual SandboxBackend* sandbox() { return nullptr; }
};

} // namespace ReleaseDeck
