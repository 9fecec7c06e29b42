#!/bin/sh
# Runs a command against a private gnome-keyring that was started but never unlocked, so it
# has no login keyring and cannot show a prompt: a headless login with a locked keyring.
set -eu
home=$(mktemp -d "${TMPDIR:-/tmp}/releasedeck-lockedkeychain.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
export HOME="$home"
export XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
dbus-run-session -- sh -c '
    gnome-keyring-daemon --daemonize --components=secrets >/dev/null
    exec "$@"' with-locked-keychain "$@"
