#pragma once

#include <QCoreApplication>
#include <QString>

namespace ReleaseDeck {

// The rules git has for branch and tag names (git check-ref-format), as a sentence.
class GitRefName
{
    Q_DECLARE_TR_FUNCTIONS(GitRefName)

public:
    // Empty when name is a valid branch or tag name; what is wrong otherwise.
    static QString problem(const QString& name, const QString& what);
};

} // namespace ReleaseDeck
