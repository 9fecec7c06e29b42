#pragma once

#include "TestMariaDb.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace ReleaseDeck::Test {

// The real mariadb command-line client, signed in as one database account: the password
// goes in a private option file (--defaults-file, mode 0600), never on a command line.
class MariaDbClient
{
public:
    MariaDbClient(const TestMariaDb& server, const QString& user, const QString& password,
                  const QString& database);

    // The client program (mariadb, else mysql); empty when neither is installed.
    static QString program();

    struct Outcome
    {
        bool ok = false;
        QString output; // what it printed, errors included
    };
    // Runs the SQL in a session of its own; ok when every statement succeeded.
    Outcome run(const QString& sql) const;

    // A session that stays open between statements, like a person's SQL shell.
    class Session
    {
    public:
        explicit Session(const MariaDbClient& client);
        ~Session();
        // Sends one statement and waits for its answer (or its error): what it printed.
        QString send(const QString& statement, int timeoutMs = 15000);

    private:
        QProcess m_process;
    };

private:
    QStringList arguments() const;

    std::shared_ptr<QTemporaryDir> m_dir;
    QString m_optionFile;
};

} // namespace ReleaseDeck::Test
