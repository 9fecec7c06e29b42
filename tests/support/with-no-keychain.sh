#!/bin/sh
# Runs a command in a private D-Bus session with no keyring and no service activation,
# with a temporary HOME: how a host without a Secret Service looks to the app.
set -eu
config="$(cd "$(dirname "$0")" && pwd)/dbus-session-no-services.conf"
home=$(mktemp -d "${TMPDIR:-/tmp}/releasedeck-nokeychain.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
export HOME="$home"
export XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session --config-file="$config" -- "$@"
