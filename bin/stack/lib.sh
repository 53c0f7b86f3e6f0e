#!/usr/bin/env bash
# Shared paths and helpers for the local WordPress stack (no Docker).
# Everything lives under .wp/ (git-ignored): WordPress core, the MariaDB
# datadir, sockets, pid files and logs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WP_DIR="$ROOT/.wp"
WP_CORE="$WP_DIR/wordpress"
WP_CACHE="$WP_DIR/cache"
DB_DATA="$WP_DIR/mysql"
RUN_DIR="$WP_DIR/run"
LOG_DIR="$WP_DIR/logs"
DB_PORT="${CCFM_DB_PORT:-3307}"
DB_SOCK="$RUN_DIR/mysqld.sock"
WP_PORT="${CCFM_WP_PORT:-8888}"
WP_URL="http://localhost:$WP_PORT"
WP_VERSION_PIN="6.8"
export ROOT WP_DIR WP_CORE DB_PORT DB_SOCK WP_PORT WP_URL

log() { printf '\033[1m[ccfm]\033[0m %s\n' "$*" >&2; }

need_root_or_sudo() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# True when a TCP port on localhost answers.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Wait until a command succeeds, at most N tenths of a second.
wait_for() {
	local tries="$1"; shift
	for _ in $(seq "$tries"); do
		if "$@" 2>/dev/null; then return 0; fi
		sleep 0.1
	done
	return 1
}

# What the built assets (plugin/build/) and the generated schema types are
# made from. True (prints the first one) when any of them is newer than the
# stamp file, or there is no stamp yet. ASSET_SOURCES is relative to the root.
ASSET_SOURCES=(src plugin/data plugin/assets/css bin/gen-inline.js plugin/blocks package.json package-lock.json webpack.config.js tsconfig.json bin/gen-schema-types.js)
assets_stale() { # assets_stale ROOT STAMP
	local root="$1" stamp="$2" paths=() p
	[ -f "$stamp" ] || { echo "$stamp"; return 0; }
	for p in "${ASSET_SOURCES[@]}"; do [ -e "$root/$p" ] && paths+=("$root/$p"); done
	local newer
	newer=$(find "${paths[@]}" -newer "$stamp" -print -quit)
	[ -n "$newer" ] && { echo "$newer"; return 0; }
	return 1
}

mysql_root() { mysql --protocol=socket -S "$DB_SOCK" -uroot "$@"; }
