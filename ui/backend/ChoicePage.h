#pragma once

#include <QList>
#include <QString>

namespace ReleaseDeck {

// One page of a provider's list (channels, branches, workflows) to pick from.
struct ChoicePage
{
    struct Choice
    {
        QString id;    // what is saved: a channel id, a branch name, a workflow file
        QString label; // what people read: #releases, main, Build (build.yml)
    };

    QList<Choice> items;
    QString nextCursor; // empty on the last page
};

} // namespace ReleaseDeck
