#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "MariaDbClient.h"
#include "Screenshots.h"
#include "TeamFixture.h"
#include "backend/AppBackend.h"
#include "members/MemberTableModel.h"
#include "members/MembersPage.h"
#include "secrets/SecretKeys.h"
#include "widgets/MessageBox.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The Members page on the real app backend and a real shared MariaDB server: Olga (OWNER)
// adds a member, whose new database account works with the one-time password the dialog
// shows once, changes their role and removes them, after which the account is gone; Vic
// (VIEWER) only reads. Screenshots light and dark.
class TestMembersPage : public QObject
{
    Q_OBJECT

    static constexpr int TimeoutMs = 30000;

    std::unique_ptr<AppBackend> appAs(const TeamMember& member)
    {
        auto secrets = std::make_unique<InMemorySecretStore>();
        secrets->write(SecretKeys::databasePassword(m_team.urlOf(member)), member.password);
        QSettings settings;
        settings.setValue(QStringLiteral("database/url"), m_team.urlOf(member));
        settings.setValue(QStringLiteral("workspace/current"), m_team.acme);
        auto backend = std::make_unique<AppBackend>(std::move(secrets));
        QFuture<BackendStatus> started = backend->start();
        if (!QTest::qWaitFor([&] { return started.isFinished(); }, TimeoutMs) ||
            !started.result().databaseReachable)
            qFatal("the app did not open the database");
        return backend;
    }

    static MembersPage* openMembers(MainWindow& window)
    {
        window.resize(1180, 640);
        window.show();
        window.findChild<QAction*>(QStringLiteral("showMembersAction"))->trigger();
        return window.membersPage();
    }

    static int rowOf(MembersPage* page, const QString& login)
    {
        for (int row = 0; row < page->model()->rowCount(); ++row) {
            if (page->model()->rowAt(row).member.login == login)
                return row;
        }
        return -1;
    }

    static QPushButton* button(QWidget* parent, const QString& name)
    {
        auto* found = parent->findChild<QPushButton*>(name);
        if (!found)
            qFatal("no button named %s", qPrintable(name));
        return found;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("ReleaseDeck"));
        QString error;
        QVERIFY2(m_team.setUp(QStringLiteral("memberspage"), &error), qPrintable(error));
        m_newcomer = m_team.owner.user.section(QLatin1Char('_'), 0, 0) + QStringLiteral("_nia");
    }

    void cleanupTestCase()
    {
        (void)m_team.database(nullptr)->run(
            QStringLiteral("DROP USER IF EXISTS '%1'@'%'").arg(m_newcomer));
        m_team.tearDown();
    }

    void anOwnerAddsChangesAndRemoves()
    {
        std::unique_ptr<AppBackend> backend = appAs(m_team.owner);
        MainWindow window(backend.get());
        MembersPage* page = openMembers(window);
        // The administrator who created Acme, Olga, Ed and Vic.
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 4, TimeoutMs);
        QVERIFY(button(page, QStringLiteral("addMemberButton"))->isVisible());
        const int me = rowOf(page, m_team.owner.user);
        QVERIFY(page->model()->rowAt(me).you);
        page->view()->selectRow(me);
        QVERIFY2(!button(page, QStringLiteral("removeMemberButton"))->isEnabled(),
                 "nobody removes themselves");
        QVERIFY(!saveScreenshot(&window, QStringLiteral("members-owner")).isEmpty());

        QString oneTimePassword;
        QTimer::singleShot(100, this, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("addMemberDialog"));
            auto edit = [dialog](const QString& name) {
                return dialog->findChild<QLineEdit*>(name);
            };
            // A bad database user name is caught before anything is sent.
            QTest::keyClicks(edit(QStringLiteral("dbUserEdit")), QStringLiteral("nia lima"));
            QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("dbUserMessage"))
                        ->text()
                        .contains(QLatin1String("letters, digits")));
            edit(QStringLiteral("dbUserEdit"))->clear();
            QTest::keyClicks(edit(QStringLiteral("dbUserEdit")), m_newcomer);
            QTest::keyClicks(edit(QStringLiteral("emailEdit")), QStringLiteral("nia@acme.test"));
            QTest::keyClicks(edit(QStringLiteral("displayNameEdit")), QStringLiteral("Nia Lima"));
            auto* role = dialog->findChild<QComboBox*>(QStringLiteral("roleCombo"));
            role->setCurrentIndex(role->findText(QStringLiteral("Editor")));
            QVERIFY(!saveScreenshot(dialog, QStringLiteral("members-add")).isEmpty());
            QTest::mouseClick(button(dialog, QStringLiteral("addMemberConfirmButton")),
                              Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!edit(QStringLiteral("oneTimePasswordEdit"))->text().isEmpty(),
                                     TimeoutMs);
            oneTimePassword = edit(QStringLiteral("oneTimePasswordEdit"))->text();
            QVERIFY(!saveScreenshot(dialog, QStringLiteral("members-added")).isEmpty());
            QTest::mouseClick(button(dialog, QStringLiteral("addMemberConfirmButton")),
                              Qt::LeftButton);
        });
        QTest::mouseClick(button(page, QStringLiteral("addMemberButton")), Qt::LeftButton);
        QCOMPARE(oneTimePassword.size(), 20);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 5, TimeoutMs);
        // The new account signs in with the password the dialog showed.
        MariaDbClient nia(m_team.server, m_newcomer, oneTimePassword, m_team.databaseName);
        const MariaDbClient::Outcome signedIn = nia.run(QStringLiteral("SELECT role FROM "
                                                                       "memberships LIMIT 1"));
        QVERIFY2(signedIn.ok, qPrintable(signedIn.output));

        page->view()->selectRow(rowOf(page, m_newcomer));
        QVERIFY(button(page, QStringLiteral("changeRoleButton"))->isEnabled());
        page->findChild<QAction*>(QStringLiteral("makeRoleVIEWERAction"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            page->model()->rowAt(qMax(0, rowOf(page, m_newcomer))).member.role, Role::Viewer,
            TimeoutMs);

        page->view()->selectRow(rowOf(page, m_newcomer));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(button(page, QStringLiteral("removeMemberButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 4, TimeoutMs);
        QVERIFY(!nia.run(QStringLiteral("SELECT 1")).ok);
    }

    void othersOnlyRead_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void othersOnlyRead()
    {
        QFETCH(bool, dark);
        if (dark)
            useDarkPalette();
        std::unique_ptr<AppBackend> backend = appAs(m_team.viewer);
        MainWindow window(backend.get());
        MembersPage* page = openMembers(window);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 4, TimeoutMs);
        for (const QString& name :
             {QStringLiteral("addMemberButton"), QStringLiteral("changeRoleButton"),
              QStringLiteral("removeMemberButton")})
            QVERIFY2(!button(page, name)->isVisible(), qPrintable(name));
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("membersNote"))
                    ->text()
                    .contains(QLatin1String("Your role here is Viewer")));
        QVERIFY(!saveScreenshot(&window, dark ? QStringLiteral("members-viewer-dark")
                                              : QStringLiteral("members-viewer"))
                     .isEmpty());
    }

private:
    TeamFixture m_team;
    QString m_newcomer;
};

QTEST_MAIN(TestMembersPage)
#include "tst_memberspage.moc"
