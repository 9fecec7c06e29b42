#pragma once

namespace ReleaseDeck::Test {

// How many entries the test keyring holds for Release Deck's service, as secret-tool sees
// them (QtKeychain's libsecret schema stores the service as "server"); -1 if it cannot tell.
int keychainEntries();

} // namespace ReleaseDeck::Test
