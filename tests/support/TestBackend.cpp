#include "TestBackend.h"

#include "TestMariaDb.h"
#include "db/MigrationRunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace ReleaseDeck::Test {

void TestBackend::addRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("mariadb") << QStringLiteral("mariadb");
}

QString TestBackend::freshUrl(const QString& backend, const QString& tag, QString* error)
{
    if (backend == QLatin1String("sqlite")) {
        static QTemporaryDir folder;
        const QString path = folder.filePath(tag + QStringLiteral(".sqlite"));
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        return QStringLiteral("sqlite:") + path;
    }
    const TestMariaDb server = TestMariaDb::fromEnvironment(error);
    if (!server.isValid())
        return {};
    return server.createDatabase(TestMariaDb::uniqueName(tag), error);
}

std::unique_ptr<Database> TestBackend::database(const QString& backend, const QString& tag,
                                                QString* error, bool migrated)
{
    const QString url = freshUrl(backend, tag, error);
    if (url.isEmpty())
        return nullptr;
    Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed) {
        *error = parsed.error().message;
        return nullptr;
    }
    auto database = std::make_unique<Database>(*parsed);
    if (migrated) {
        MigrationRunner runner(*database);
        Result<int> applied = runner.migrate();
        if (!applied) {
            *error = applied.error().message;
            return nullptr;
        }
    }
    return database;
}

} // namespace ReleaseDeck::Test
