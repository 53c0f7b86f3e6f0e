#!/usr/bin/env bash
# Brings up the multisite test network beside the local site: a subdirectory
# network in its own database (wordpress_ms_test) with the plugin
# network-activated, served by PHP's built-in server on the site port + 100.
# Used by the multisite PHP tests and the multisite browser test; idempotent.
# Prints the network's URL. `npm run stop` stops it with the rest.
source "$(dirname "$0")/lib.sh"
NET_PORT=$((WP_PORT + 100))
NET_URL="http://localhost:$NET_PORT"

if ! { [ -S "$DB_SOCK" ] && mysqladmin --protocol=socket -S "$DB_SOCK" -uroot ping >/dev/null 2>&1; }; then
	bash "$ROOT/bin/stack/start.sh" >/dev/null
fi
mkdir -p "$RUN_DIR" "$LOG_DIR"
for phase in install network; do
	CCFM_WP_TESTS=multisite CCFM_WP_NETWORK_SETUP=1 php "$ROOT/bin/stack/wp-install.php" "$WP_CORE" "$NET_URL" "$phase"
done
CCFM_WP_TESTS=multisite php "$ROOT/bin/stack/wp-install.php" "$WP_CORE" "$NET_URL" activate

# Reuse the network's server only when it is the one this script started.
if port_open "$NET_PORT" && ! { [ -f "$RUN_DIR/php-network.pid" ] && kill -0 "$(cat "$RUN_DIR/php-network.pid")" 2>/dev/null; }; then
	log "Port $NET_PORT is taken by another process; stop it, or choose other ports with CCFM_WP_PORT (the network uses it + 100)."
	exit 1
fi
if ! port_open "$NET_PORT"; then
	log "Starting the multisite network on $NET_URL"
	setsid env CCFM_WP_TESTS=multisite PHP_CLI_SERVER_WORKERS=2 bash -c 'cd "$1" && exec php -S "localhost:$2" -d realpath_cache_size=0 router.php' _ "$WP_CORE" "$NET_PORT" \
		</dev/null >"$LOG_DIR/php-server-multisite.log" 2>&1 &
	echo $! >"$RUN_DIR/php-network.pid"
	wait_for 100 port_open "$NET_PORT" || { log "The network's PHP server did not start; see $LOG_DIR/php-server-multisite.log"; exit 1; }
fi
echo "$NET_URL"
