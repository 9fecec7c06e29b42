#pragma once

#include <QString>

namespace ReleaseDeck {

// The rules git has for branch and tag names (git check-ref-format), as a sentence.
class GitRefName
{
public:
    // Empty when name is a valid branch or tag name; what is wrong otherwise.
    static QString problem(const QString& name, const QString& what);
};

} // namespace ReleaseDeck
