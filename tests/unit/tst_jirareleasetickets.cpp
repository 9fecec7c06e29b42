#include "FakeJira.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/JiraIssuesClient.h"

#include <QJsonArray>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("jira-test-token-not-real");
const QString Label = QStringLiteral("release-1.4.0");

JiraIssuesClient clientOf(const FakeJira& jira, const HttpClient& http)
{
    return JiraIssuesClient(JiraTarget::fromConfig(jira.config(), true).value(), Token, http);
}

} // namespace

// The release tickets a release keeps in Jira: one per platform's project, created once
// across retries, then watched until each reaches its ready state.
class TestJiraReleaseTickets : public QObject
{
    Q_OBJECT

private slots:
    void ticketPerProjectThenReadyState()
    {
        FakeJira jira;
        jira.setToken(Token);
        const HttpClient http(fastSettings());
        const JiraTarget target = JiraTarget::fromConfig(jira.config(), true).value();
        QStringList keys;
        // The task runs twice (a retry after a crash): still one ticket per project.
        for (int run = 0; run < 2; ++run) {
            JiraIssuesClient client = clientOf(jira, http);
            keys.clear();
            for (const QString& project : target.projectKeys) {
                auto issue = client.ensureReleaseIssue(project, QStringLiteral("Release 1.4.0"),
                                                       QStringLiteral("Ship 1.4.0"), Label);
                QVERIFY2(issue.ok(), failureOf(issue).constData());
                keys << issue->key;
            }
        }
        QCOMPARE(keys, (QStringList{QStringLiteral("DROID-1"), QStringLiteral("IOS-1")}));
        QCOMPARE(jira.issuesCreated(), 2);
        QCOMPARE(jira.issues(QStringLiteral("DROID"))
                     .constFirst()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("labels"))
                     .toArray(),
                 QJsonArray{Label});

        JiraIssuesClient client = clientOf(jira, http);
        const auto readyCount = [&]() {
            int ready = 0;
            for (auto it = target.projectKeys.cbegin(); it != target.projectKeys.cend(); ++it) {
                auto status = client.issueStatus(QStringLiteral("%1-1").arg(it.value()));
                if (!status)
                    return -1;
                ready += *status == target.readyStates.value(it.key()) ? 1 : 0;
            }
            return ready;
        };
        QCOMPARE(readyCount(), 0);
        jira.setIssueStatus(QStringLiteral("DROID-1"), FakeJira::readyState());
        QCOMPARE(readyCount(), 1);
        jira.setIssueStatus(QStringLiteral("IOS-1"), FakeJira::readyState());
        QCOMPARE(readyCount(), 2);
        const auto reads = jira.requests("GET", QStringLiteral("/issue/IOS-1"));
        QCOMPARE(reads.size(), 3);
        QCOMPARE(reads[0].query.queryItemValue(QStringLiteral("fields")), QStringLiteral("status"));
    }

    // A person moves the ticket through Jira's own transitions.
    void transitionsMoveTheTicket()
    {
        FakeJira jira;
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(jira, http);
        auto issue = client.ensureReleaseIssue(QStringLiteral("IOS"), QStringLiteral("Release 2.0"),
                                               {}, QStringLiteral("release-2.0.0"));
        QVERIFY2(issue.ok(), failureOf(issue).constData());
        auto available = client.transitions(issue->key);
        QVERIFY2(available.ok(), failureOf(available).constData());
        const auto ready = std::find_if(available->cbegin(), available->cend(),
                                        [](const IssueTransition& transition) {
                                            return transition.toStatus == FakeJira::readyState();
                                        });
        QVERIFY(ready != available->cend());
        QVERIFY(client.transition(issue->key, ready->id).ok());
        QCOMPARE(*client.issueStatus(issue->key), FakeJira::readyState());
    }

    void unknownProjectIsRefused()
    {
        FakeJira jira;
        const HttpClient http(fastSettings());
        auto issue = clientOf(jira, http)
                         .ensureReleaseIssue(QStringLiteral("WEB"), QStringLiteral("Release 1.4.0"),
                                             {}, Label);
        QCOMPARE(issue.error().kind, ErrorKind::Validation);
        QVERIFY2(issue.error().message.contains(
                     QStringLiteral("The value 'WEB' does not exist for the field 'project'.")),
                 qPrintable(issue.error().message));
        QCOMPARE(jira.issuesCreated(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJiraReleaseTickets)
#include "tst_jirareleasetickets.moc"
