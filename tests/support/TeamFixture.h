#pragma once

#include "CliRunner.h"
#include "MariaDbClient.h"
#include "TestMariaDb.h"
#include "db/Database.h"

#include <QString>

#include <memory>

namespace ReleaseDeck::Test {

// One person of the team: their own database account and their Release Deck account.
struct TeamMember
{
    QString user;
    QString password;
    QString email;
    QString name;
    qint64 accountId = 0;
};

// A shared MariaDB database with a team, set up the way people do it, through the real CLI:
// the fixture's administrator (root) migrates, creates the workspaces Acme and Globex (so it
// owns both) and adds Olga to Acme as OWNER ('member add … --password-stdin'); Olga stores
// her password ('db login') and adds Ed as EDITOR (a password from standard input) and Vic
// as VIEWER (the one-time password the CLI prints once). Ed and Vic store theirs.
// Server user names carry the test's process id: the fixture server is shared by tests.
class TeamFixture
{
public:
    // tag names the database; false (and *error) when any step failed.
    bool setUp(const QString& tag, QString* error);
    // Drops the database and the team's server users.
    void tearDown();

    QString adminUrl() const;
    QString urlOf(const TeamMember& member) const;
    // The real CLI as the administrator (member nullptr) or as a member (its password from
    // the keychain, as 'db login' stored it).
    CliRun cli(const TeamMember* member, QStringList arguments, const QByteArray& input = {}) const;
    // An in-process connection signed in as the administrator or the member.
    std::unique_ptr<Database> database(const TeamMember* member) const;
    MariaDbClient client(const TeamMember& member) const;

    TestMariaDb server;
    QString databaseName;
    qint64 acme = 0;
    qint64 globex = 0;
    qint64 adminAccountId = 0;
    TeamMember owner;
    TeamMember editor;
    TeamMember viewer;

private:
    bool addMember(const TeamMember* by, TeamMember& member, const QString& role,
                   bool passwordFromStdin, QString* error);
    bool login(const TeamMember& member, QString* error);
    void tearDownUsers();
};

} // namespace ReleaseDeck::Test
