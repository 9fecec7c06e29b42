#pragma once

#include <QString>

namespace ReleaseDeck {

// Who works on this machine when no login was chosen: "USER@host". The CLI always acts
// as it; the app does when opened directly on a database its own login is not in.
QString localLogin();

} // namespace ReleaseDeck
