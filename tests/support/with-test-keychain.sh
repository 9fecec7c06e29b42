#!/bin/sh
# Runs a command against a private, unlocked gnome-keyring in a private D-Bus session
# with a temporary HOME: never the user's own keyring.
set -eu
home=$(mktemp -d "${TMPDIR:-/tmp}/releasedeck-keychain.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
export HOME="$home"
export XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c '
    printf "releasedeck-test" | gnome-keyring-daemon --unlock --daemonize --components=secrets >/dev/null
    exec "$@"' with-test-keychain "$@"
