#!/usr/bin/env bash
# Stops what bin/stack/start.sh started: the PHP web server and MariaDB.
source "$(dirname "$0")/lib.sh"
if [ -f "$RUN_DIR/php.pid" ]; then
	kill -- -"$(cat "$RUN_DIR/php.pid")" 2>/dev/null || kill "$(cat "$RUN_DIR/php.pid")" 2>/dev/null || true
	rm -f "$RUN_DIR/php.pid"
fi
pkill -f "php -S localhost:$WP_PORT" 2>/dev/null || true
# The multisite test network (bin/stack/network.sh), when it was started.
if [ -f "$RUN_DIR/php-network.pid" ]; then
	kill -- -"$(cat "$RUN_DIR/php-network.pid")" 2>/dev/null || kill "$(cat "$RUN_DIR/php-network.pid")" 2>/dev/null || true
	rm -f "$RUN_DIR/php-network.pid"
fi
pkill -f "php -S localhost:$((WP_PORT + 100))" 2>/dev/null || true
if [ -S "$DB_SOCK" ]; then
	mysqladmin --protocol=socket -S "$DB_SOCK" -uroot shutdown 2>/dev/null || true
fi
log "Stopped."
