#include "FakeConnectionBackend.h"
#include "Screenshots.h"
#include "Translations.h"
#include "connections/ConnectionTableModel.h"
#include "connections/ConnectionsPage.h"
#include "widgets/MessageBox.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace ReleaseDeck;
using ReleaseDeck::Test::FakeConnectionBackend;

// The Connections page against the fake backend: badges, Verify all as results arrive,
// Disconnect behind a confirmation, and what each role may do.
class TestConnectionsPage : public QObject
{
    Q_OBJECT

private:
    static ConnectionRow row(qint64 id, ConnectionCategory category, const QString& provider,
                             const QString& name, VerificationStatus status, int minutesAgo,
                             const QString& error = {}, bool tokenHere = true)
    {
        ConnectionRow row;
        row.connection.id = id;
        row.connection.workspaceId = 1;
        row.connection.category = category;
        row.connection.provider = provider;
        row.connection.displayName = name;
        row.connection.status = status;
        if (minutesAgo >= 0)
            row.connection.lastVerifiedAt =
                QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
        row.connection.verificationError = error;
        row.tokenOnThisMachine = tokenHere;
        return row;
    }

    static void fill(FakeConnectionBackend& backend)
    {
        backend.rows = {row(1, ConnectionCategory::Scm, QStringLiteral("github"),
                            QStringLiteral("acme/app"), VerificationStatus::Valid, 3),
                        row(2, ConnectionCategory::Chat, QStringLiteral("slack"),
                            QStringLiteral("#releases"), VerificationStatus::Invalid, 180,
                            QStringLiteral("Slack refused the token: invalid_auth.")),
                        row(3, ConnectionCategory::Issues, QStringLiteral("jira-cloud"),
                            QStringLiteral("Jira AND, IOS"), VerificationStatus::Expired, 60 * 30,
                            QStringLiteral("The Jira API token expired on 2 November.")),
                        row(4, ConnectionCategory::Ci, QStringLiteral("jenkins"),
                            QStringLiteral("Jenkins at ci.acme.com"), VerificationStatus::Pending,
                            -1, {}, false)};
    }

    static QString statusText(const ConnectionsPage& page, int row)
    {
        return page.model()->index(row, ConnectionTableModel::StatusColumn).data().toString();
    }

    static QPushButton* button(QWidget* page, const QString& name)
    {
        return page->findChild<QPushButton*>(name);
    }

private slots:
    // As the app does at start: "%n minute(s) ago" reads as English.
    void initTestCase() { Translations::install(*qApp, QLocale(QLocale::English)); }

    void showsEachConnectionInPlainWords()
    {
        FakeConnectionBackend backend;
        fill(backend);
        ConnectionsPage page(backend);
        page.setWorkspace(1, Role::Owner);
        QTRY_COMPARE(page.model()->rowCount(), 4);
        const auto text = [&](int row, int column, int role = Qt::DisplayRole) {
            return page.model()->index(row, column).data(role).toString();
        };
        QCOMPARE(text(0, ConnectionTableModel::ConnectionColumn),
                 QStringLiteral("GitHub — acme/app"));
        QCOMPARE(statusText(page, 0), QStringLiteral("Valid"));
        QCOMPARE(statusText(page, 1), QStringLiteral("Invalid"));
        QCOMPARE(statusText(page, 2), QStringLiteral("Expired"));
        QCOMPARE(statusText(page, 3), QStringLiteral("Pending"));
        QCOMPARE(text(0, ConnectionTableModel::LastVerifiedColumn),
                 QStringLiteral("3 minutes ago"));
        QVERIFY(text(0, ConnectionTableModel::LastVerifiedColumn, Qt::ToolTipRole)
                    .startsWith(QString::number(QDate::currentDate().year())));
        QCOMPARE(text(3, ConnectionTableModel::LastVerifiedColumn), QStringLiteral("Never"));
        QCOMPARE(text(1, ConnectionTableModel::ErrorColumn),
                 QStringLiteral("Slack refused the token: invalid_auth."));
        QCOMPARE(text(3, ConnectionTableModel::TokenColumn), QStringLiteral("No"));
        QVERIFY(!page.model()
                     ->index(0, ConnectionTableModel::ConnectionColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
    }

    void verifyAllUpdatesEachBadgeAsResultsArrive()
    {
        FakeConnectionBackend backend;
        fill(backend);
        backend.holdVerifications(true);
        ConnectionsPage page(backend);
        page.resize(1280, 800);
        page.show();
        page.setWorkspace(1, Role::Owner);
        QTRY_COMPARE(page.model()->rowCount(), 4);

        QTest::mouseClick(button(&page, QStringLiteral("verifyAllButton")), Qt::LeftButton);
        // One batched call: the backend reads each token once, not once per connection.
        QCOMPARE(backend.verifyAllCalls, QList<qint64>{1});
        QVERIFY(backend.verifyCalls.isEmpty());
        QCOMPARE(backend.heldVerifications(), 4);
        auto* progress = page.findChild<QProgressBar*>(QStringLiteral("verifyProgress"));
        QVERIFY(progress->isVisible());
        QCOMPARE(progress->maximum(), 4);
        auto* progressText = page.findChild<QLabel*>(QStringLiteral("verifyProgressText"));
        QVERIFY(progressText->isVisible());
        QCOMPARE(progressText->text(), QStringLiteral("Verified 0 of 4"));
        for (int row = 0; row < 4; ++row)
            QCOMPARE(statusText(page, row), QStringLiteral("Verifying…"));
        QVERIFY(!button(&page, QStringLiteral("verifyAllButton"))->isEnabled());
        QVERIFY(!Test::saveScreenshot(&page, QStringLiteral("connections-verifying")).isEmpty());

        backend.releaseVerification(3, VerificationStatus::Valid);
        QTRY_COMPARE(statusText(page, 2), QStringLiteral("Valid"));
        QCOMPARE(statusText(page, 0), QStringLiteral("Verifying…"));
        QCOMPARE(progress->value(), 1);
        QCOMPARE(progressText->text(), QStringLiteral("Verified 1 of 4"));

        backend.releaseVerification(1, VerificationStatus::Invalid,
                                    QStringLiteral("GitHub refused the token: Bad credentials."));
        QTRY_COMPARE(statusText(page, 0), QStringLiteral("Invalid"));
        QCOMPARE(page.model()->index(0, ConnectionTableModel::ErrorColumn).data().toString(),
                 QStringLiteral("GitHub refused the token: Bad credentials."));
        QCOMPARE(statusText(page, 1), QStringLiteral("Verifying…"));
        QCOMPARE(progress->value(), 2);

        backend.releaseVerification(2, VerificationStatus::Valid);
        backend.releaseVerification(4, VerificationStatus::Expired,
                                    QStringLiteral("The token expired."));
        QTRY_VERIFY(!progress->isVisible());
        QVERIFY(!progressText->isVisible());
        QCOMPARE(statusText(page, 1), QStringLiteral("Valid"));
        QCOMPARE(statusText(page, 3), QStringLiteral("Expired"));
        QCOMPARE(page.model()->index(1, ConnectionTableModel::LastVerifiedColumn).data().toString(),
                 QStringLiteral("Just now"));
        QVERIFY(button(&page, QStringLiteral("verifyAllButton"))->isEnabled());
    }

    // A verification lies in the past: one stamped ahead by another machine's clock is not
    // "in 5 minutes".
    void aVerificationStampedAheadIsJustNow()
    {
        FakeConnectionBackend backend;
        backend.rows = {row(1, ConnectionCategory::Scm, QStringLiteral("github"),
                            QStringLiteral("acme/app"), VerificationStatus::Valid, 0)};
        backend.rows[0].connection.lastVerifiedAt = QDateTime::currentDateTimeUtc().addSecs(300);
        ConnectionsPage page(backend);
        page.setWorkspace(1, Role::Owner);
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->index(0, ConnectionTableModel::LastVerifiedColumn).data().toString(),
                 QStringLiteral("Just now"));
    }

    void disconnectAsksFirstThenCallsTheBackend()
    {
        FakeConnectionBackend backend;
        fill(backend);
        ConnectionsPage page(backend);
        page.show();
        page.setWorkspace(1, Role::Owner);
        QTRY_COMPARE(page.model()->rowCount(), 4);
        page.view()->selectRow(1);

        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(button(&page, QStringLiteral("disconnectButton")), Qt::LeftButton);
        QTest::qWait(backend.delayMs * 3);
        QVERIFY(backend.disconnectCalls.isEmpty());
        QCOMPARE(page.model()->rowCount(), 4);

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(button(&page, QStringLiteral("disconnectButton")), Qt::LeftButton);
        QTRY_COMPARE(page.model()->rowCount(), 3);
        QCOMPARE(backend.disconnectCalls, QList<qint64>{2});
        QCOMPARE(page.model()->rowOf(2), -1);
    }

    void eachRoleSeesOnlyWhatItMayDo_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("edits");
        QTest::addColumn<bool>("verifies");
        QTest::newRow("owner") << Role::Owner << true << true;
        QTest::newRow("editor") << Role::Editor << false << true;
        QTest::newRow("viewer") << Role::Viewer << false << false;
    }

    void eachRoleSeesOnlyWhatItMayDo()
    {
        QFETCH(Role, role);
        QFETCH(bool, edits);
        QFETCH(bool, verifies);
        FakeConnectionBackend backend;
        fill(backend);
        ConnectionsPage page(backend);
        page.resize(1280, 800);
        page.show();
        page.setWorkspace(1, role);
        QTRY_COMPARE(page.model()->rowCount(), 4);
        for (const char* name : {"addConnectionButton", "editButton", "disconnectButton"})
            QCOMPARE(button(&page, QString::fromLatin1(name))->isVisible(), edits);
        for (const char* name : {"verifyButton", "verifyAllButton"})
            QCOMPARE(button(&page, QString::fromLatin1(name))->isVisible(), verifies);

        page.view()->selectRow(0);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        page.disconnectSelected();
        page.verifyAll();
        QTest::qWait(backend.delayMs * 3);
        QCOMPARE(backend.disconnectCalls.isEmpty(), !edits);
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        if (!verifies) {
            QVERIFY(backend.verifyCalls.isEmpty());
            QVERIFY(backend.verifyAllCalls.isEmpty());
        }
        if (role == Role::Viewer)
            QVERIFY(!Test::saveScreenshot(&page, QStringLiteral("connections-viewer")).isEmpty());
    }

    void editOpensTheMatchingPageAlone()
    {
        FakeConnectionBackend backend;
        fill(backend);
        backend.rows[0].connection.config = {{QStringLiteral("owner"), QStringLiteral("acme")},
                                             {QStringLiteral("repo"), QStringLiteral("app")}};
        ConnectionsPage page(backend);
        page.resize(1280, 800);
        page.show();
        page.setWorkspace(1, Role::Owner);
        QTRY_COMPARE(page.model()->rowCount(), 4);
        page.view()->selectRow(0);

        bool checked = false;
        QTimer::singleShot(100, this, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("connectionEditDialog"));
            auto* owner = dialog->findChild<QLineEdit*>(QStringLiteral("scmOwnerEdit"));
            QVERIFY(owner);
            QCOMPARE(owner->text(), QStringLiteral("acme"));
            QVERIFY(!dialog->findChild<QWidget*>(QStringLiteral("slackPage")));
            auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveButton"));
            QVERIFY2(!save->isEnabled(), "the token must be entered and verified again");
            QVERIFY(!Test::saveScreenshot(dialog, QStringLiteral("connections-edit")).isEmpty());
            checked = true;
            dialog->reject();
        });
        QTest::mouseClick(button(&page, QStringLiteral("editButton")), Qt::LeftButton);
        QVERIFY(checked);
        QVERIFY(backend.savedDrafts.isEmpty());
    }

    void reverifiesOnItsOwn()
    {
        FakeConnectionBackend backend;
        fill(backend);
        ConnectionsPage page(backend);
        page.setWorkspace(1, Role::Owner);
        QTRY_COMPARE(page.model()->rowCount(), 4);
        page.setAutoVerifyInterval(50);
        QTRY_VERIFY(backend.verifyAllCalls.size() >= 2);
        QTRY_COMPARE(statusText(page, 1), QStringLiteral("Valid"));
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void screenshots()
    {
        QFETCH(bool, dark);
        if (dark)
            Test::useDarkPalette();
        FakeConnectionBackend backend;
        fill(backend);
        ConnectionsPage page(backend);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setWorkspace(1, Role::Owner);
        QTRY_COMPARE(page.model()->rowCount(), 4);
        QVERIFY(!Test::saveScreenshot(&page, dark ? QStringLiteral("connections-dark")
                                                  : QStringLiteral("connections"))
                     .isEmpty());
        if (dark)
            QApplication::setPalette(QPalette());
    }
};

QTEST_MAIN(TestConnectionsPage)
#include "tst_connectionspage.moc"
