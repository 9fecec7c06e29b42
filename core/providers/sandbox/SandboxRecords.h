#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ReleaseDeck {

// What the sandbox's simulated services did, as the Sandbox page lists it.

// A chat message that would have been posted to Slack.
struct SandboxMessage
{
    qint64 id = 0;
    QString channelId;
    QString body;
    QString marker;
    QDateTime postedAt; // UTC
};

// A ticket of the simulated issue tracker; it reaches its ready state at readyAt.
struct SandboxTicket
{
    qint64 id = 0;
    QString key; // "DROID-1"
    QString projectKey;
    QString summary;
    QStringList labels;
    QString status; // "To Do", then the ready state
    QDateTime readyAt;
    QDateTime createdAt;
};

// A run of the simulated CI: it runs until finishesAt, then succeeds or fails.
struct SandboxRun
{
    qint64 id = 0;
    QString workflow;
    QString ref;
    QString marker;
    bool finished = false;
    bool fails = false;
    QString log;
    QDateTime finishesAt;
    QDateTime createdAt;
};

// The sandbox's settings and the rehearsals asked for, consumed by the simulated clients.
struct SandboxState
{
    int timeScale = 1; // simulated durations are divided by it
    bool failNextCi = false;
    bool chatInvalidAuth = false;
};

// A failure people can ask the simulation for, to rehearse retry, skip and the messages.
enum class SandboxRehearsal
{
    FailNextCiRun,
    ChatInvalidAuth,
};

} // namespace ReleaseDeck
