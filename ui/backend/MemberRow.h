#pragma once

#include "model/Member.h"

namespace ReleaseDeck {

// A row of the Members page: the member, and whether it is the signed-in account.
struct MemberRow
{
    Member member;
    bool you = false;
};

} // namespace ReleaseDeck
