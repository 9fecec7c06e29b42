#pragma once

#include <QString>
#include <QUrl>

namespace ReleaseDeck::Test {

// The throwaway MariaDB server the CTest fixture started (see MariaDbFixture.cpp).
struct TestMariaDb
{
    QString host;
    int port = 0;
    QString socket;
    QString user;

    bool isValid() const { return port > 0; }

    // Reads the fixture's state file named by $RELEASEDECK_TEST_MARIADB; an invalid
    // result (and a message in *error) when the fixture did not run.
    static TestMariaDb fromEnvironment(QString* error);
    // Reads the state file of a server started with MariaDbServer::start(stateDir).
    static TestMariaDb fromStateDir(const QString& stateDir, QString* error);

    // Drops and creates a fresh database; returns its mysql:// URL ("" on failure).
    QString createDatabase(const QString& name, QString* error) const;
    bool dropDatabase(const QString& name, QString* error) const;

    // A database name unique to this test process and the given tag.
    static QString uniqueName(const QString& tag);
    QString url(const QString& database) const;
};

} // namespace ReleaseDeck::Test
