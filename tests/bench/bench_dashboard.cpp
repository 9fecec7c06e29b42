// The dashboard with 10,000 releases x 30 tasks on SQLite and on MariaDB: the time from
// starting the app to the first painted rows, its peak memory, the longest stall of the
// GUI thread while loading and while scrolling the whole table, next to the time of the
// same summary SQL through the sqlite3 / mariadb clients. Each measurement runs in a fresh
// process of this program (--show URL) with a throwaway profile. Prints figures; never
// fails on time.

#include "AppWindowFlow.h"
#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "ReleaseBulk.h"
#include "SqlClient.h"
#include "StoreSeed.h"
#include "TestBackend.h"
#include "backend/AppBackend.h"
#include "backend/FutureReply.h"
#include "db/MigrationRunner.h"
#include "releases/DashboardPage.h"
#include "releases/ReleaseTableModel.h"
#include "services/Identity.h"
#include "store/MembershipStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

constexpr int releaseCount = 10000;
constexpr int tasksPerRelease = 30;

void say(const QString& text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Notes the longest time the GUI thread did not get to a 1 ms timer.
class StallWatch : public QObject
{
public:
    StallWatch()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = std::max(m_longest, m_since.nsecsElapsed());
            m_since.restart();
        });
        m_since.start();
        m_timer.start();
    }
    double longestMs() const { return double(m_longest) / 1e6; }
    void reset()
    {
        m_longest = 0;
        m_since.restart();
    }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_longest = 0;
};

// The measured app: the real backend and main window on url, as `releasedeck --database`.
int show(QApplication& app, const QString& url, const QElapsedTimer& sinceStart)
{
    QSettings().setValue(QStringLiteral("orchestrator/enabled"), false);
    AppBackend backend(std::make_unique<InMemorySecretStore>());
    backend.openDirectly(url, QStringLiteral("Alpha"));
    AppWindowFlow flow(backend);
    StallWatch loading;
    QTableView* view = nullptr;
    DashboardPage* page = nullptr;
    bool painted = false;
    struct PaintWatch : QObject
    {
        std::function<void()> onPaint;
        bool eventFilter(QObject*, QEvent* event) override
        {
            if (event->type() == QEvent::Paint)
                QTimer::singleShot(0, this, onPaint);
            return false;
        }
    } watch;
    // Scrolls the whole table one page at a time, painting each page at once.
    const auto scroll = [&] {
        say(QStringLiteral("all %1 rows in the model: %2 ms after start")
                .arg(page->model()->rowCount())
                .arg(sinceStart.elapsed()));
        say(QStringLiteral("longest GUI stall while loading: %1 ms")
                .arg(loading.longestMs(), 0, 'f', 1));
        QScrollBar* bar = view->verticalScrollBar();
        double longest = 0;
        int steps = 0;
        for (int value = 0; value <= bar->maximum(); value += bar->pageStep(), ++steps) {
            QElapsedTimer step;
            step.start();
            bar->setValue(value);
            view->viewport()->repaint();
            QCoreApplication::processEvents();
            longest = std::max(longest, double(step.nsecsElapsed()) / 1e6);
        }
        say(QStringLiteral("longest GUI stall scrolling the whole table: %1 ms (%2 pages)")
                .arg(longest, 0, 'f', 1)
                .arg(steps));
        say(QStringLiteral("peak RSS:                 %1 MB")
                .arg(double(peakRssKb()) / 1024.0, 0, 'f', 1));
        app.quit();
    };
    QTimer loaded;
    loaded.setInterval(5);
    QObject::connect(&loaded, &QTimer::timeout, &app, [&] {
        if (view && page->model()->rowCount() == releaseCount) {
            loaded.stop();
            scroll();
        }
    });
    watch.onPaint = [&] {
        if (painted || !view || view->model()->rowCount() == 0)
            return;
        painted = true;
        say(QStringLiteral("first rows painted:       %1 ms after start (%2 rows)")
                .arg(sinceStart.elapsed())
                .arg(view->model()->rowCount()));
        loaded.start();
    };
    whenFinished(backend.start(), &flow, [&](const BackendStatus& status) {
        if (!status.databaseReachable) {
            say(QStringLiteral("could not open: ") + status.databaseError);
            app.exit(1);
            return;
        }
        flow.start();
        // Everything up to here is the app's own start; the dashboard loads from now on.
        page = flow.mainWindow()->dashboardPage();
        view = page->view();
        view->viewport()->installEventFilter(&watch);
    });
    return app.exec();
}

void benchmark(const QString& backend, const QString& program)
{
    say(QStringLiteral("== %1 ==").arg(backend));
    QString error;
    const QString url = TestBackend::freshUrl(backend, QStringLiteral("dashboard"), &error);
    if (url.isEmpty()) {
        say(QStringLiteral("skipped: ") + error);
        return;
    }
    StoreSeed seed;
    {
        Database database(*DatabaseUrl::parse(url));
        if (!MigrationRunner(database).migrate() || !seed.plant(database, &error) ||
            !insertReleases(database, seed.ownerA, releaseCount, tasksPerRelease, &error)) {
            say(QStringLiteral("seed failed: ") + error);
            return;
        }
        // The app acts as Identity says (this machine's user, or the database login): make
        // that account an owner of the seeded workspace.
        const Result<Account> me = Identity::signIn(database);
        if (!me || !MembershipStore(database).add(seed.ownerA, me->id, Role::Owner)) {
            say(QStringLiteral("seed failed: the app's account could not join"));
            return;
        }
    }
    QTemporaryDir profile;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const char* name :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"})
        environment.insert(QString::fromLatin1(name), profile.path());
    QProcess app;
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer started;
    started.start();
    app.start(program, {QStringLiteral("--show"), url});
    qint64 firstRows = -1;
    QElapsedTimer deadline;
    deadline.start();
    while (deadline.elapsed() < 300000) {
        app.waitForReadyRead(1000);
        while (app.canReadLine()) {
            const QString line = QString::fromUtf8(app.readLine()).trimmed();
            if (firstRows < 0 && line.startsWith(QLatin1String("first rows painted")))
                firstRows = started.elapsed();
            say(line);
        }
        if (app.state() == QProcess::NotRunning && !app.canReadLine())
            break;
    }
    app.waitForFinished();
    say(QStringLiteral("first rows, from starting the process: %1 ms").arg(firstRows));
    Database database(*DatabaseUrl::parse(url));
    const qint64 client = timeSqlClient(database.url(), summarySql(seed.workspaceA));
    say(QStringLiteral("same summary SQL through %1 (incl. start): %2 ms")
            .arg(database.url().isShared() ? QStringLiteral("mariadb") : QStringLiteral("sqlite3"))
            .arg(client));
    if (client > 0 && firstRows > 0)
        say(QStringLiteral("first rows / raw query:   %1 (target at most 1.5)")
                .arg(double(firstRows) / double(client), 0, 'f', 2));
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (argc == 3 && QByteArray(argv[1]) == "--show") {
        QApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckBench"));
        QCoreApplication::setApplicationName(QStringLiteral("bench_dashboard"));
        return show(app, QString::fromLocal8Bit(argv[2]), sinceStart);
    }
    QCoreApplication app(argc, argv);
    const QString program = QCoreApplication::applicationFilePath();
    benchmark(QStringLiteral("sqlite"), program);
    benchmark(QStringLiteral("mariadb"), program);
    return 0;
}
