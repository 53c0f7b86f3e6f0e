#!/usr/bin/env bash
# Brings up a local WordPress with the plugin active, and prints the URL and
# login. Idempotent: on a ready machine it only checks and (re)starts what is
# not running.
source "$(dirname "$0")/lib.sh"

bash "$ROOT/bin/stack/install-deps.sh"
mkdir -p "$RUN_DIR" "$LOG_DIR"

# --- MariaDB: private datadir, socket and port under .wp/ ------------------
start_db() {
	if [ -S "$DB_SOCK" ] && mysqladmin --protocol=socket -S "$DB_SOCK" -uroot ping >/dev/null 2>&1; then return 0; fi
	if [ ! -d "$DB_DATA/mysql" ]; then
		log "Initialising MariaDB datadir"
		mkdir -p "$DB_DATA"
		chown -R mysql:mysql "$DB_DATA" 2>/dev/null || true
		mariadb-install-db --user=mysql --datadir="$DB_DATA" --auth-root-authentication-method=socket --skip-test-db >"$LOG_DIR/mariadb-install.log" 2>&1
	fi
	chown -R mysql:mysql "$DB_DATA" "$RUN_DIR" 2>/dev/null || true
	log "Starting MariaDB on port $DB_PORT"
	setsid mariadbd --user=mysql --datadir="$DB_DATA" --socket="$DB_SOCK" --port="$DB_PORT" \
		--bind-address=127.0.0.1 --pid-file="$RUN_DIR/mysqld.pid" --log-error="$LOG_DIR/mariadb.log" \
		--skip-log-bin --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=2 \
		</dev/null >/dev/null 2>&1 &
	wait_for 300 mysqladmin --protocol=socket -S "$DB_SOCK" -uroot ping || { log "MariaDB did not start; see $LOG_DIR/mariadb.log"; exit 1; }
}

create_dbs() {
	mysql_root -e "CREATE DATABASE IF NOT EXISTS wordpress; CREATE DATABASE IF NOT EXISTS wordpress_test; CREATE DATABASE IF NOT EXISTS wordpress_ms_test;
		CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY 'wp'; CREATE USER IF NOT EXISTS 'wp'@'127.0.0.1' IDENTIFIED BY 'wp';
		GRANT ALL ON wordpress.* TO 'wp'@'localhost'; GRANT ALL ON wordpress_test.* TO 'wp'@'localhost'; GRANT ALL ON wordpress_ms_test.* TO 'wp'@'localhost';
		GRANT ALL ON wordpress.* TO 'wp'@'127.0.0.1'; GRANT ALL ON wordpress_test.* TO 'wp'@'127.0.0.1'; GRANT ALL ON wordpress_ms_test.* TO 'wp'@'127.0.0.1';"
}

# --- WordPress config, plugin link, router ---------------------------------
configure_wp() {
	if [ ! -f "$WP_CORE/wp-config.php" ] || ! grep -q 'CCFM_LOCAL_CONFIG v2' "$WP_CORE/wp-config.php"; then
		php "$ROOT/bin/stack/write-wp-config.php" "$WP_CORE/wp-config.php" "$DB_PORT" "$WP_URL"
	fi
	ln -sfn "$ROOT/plugin" "$WP_CORE/wp-content/plugins/customer-chat-for-messenger"
	cp "$ROOT/bin/stack/router.php" "$WP_CORE/router.php"
	mkdir -p "$WP_CORE/wp-content/mu-plugins"
	cp "$ROOT/bin/stack/mu-plugins/local-offline.php" "$WP_CORE/wp-content/mu-plugins/local-offline.php"
}

build_assets() {
	local stamp="$ROOT/plugin/build/.stamp"
	local changed
	if changed=$(assets_stale "$ROOT" "$stamp"); then
		if [ "$changed" = "$stamp" ]; then log "Building assets"; else log "Building assets (${changed#"$ROOT/"} changed)"; fi
		(cd "$ROOT" && npm run -s build >"$LOG_DIR/build.log" 2>&1) || { cat "$LOG_DIR/build.log"; exit 1; }
		touch "$stamp"
	fi
}

start_web() {
	if port_open "$WP_PORT"; then return 0; fi
	log "Starting PHP web server on $WP_URL"
	# Every descriptor redirected, so callers' pipes close when this script ends.
	# No realpath cache: the release test swaps the plugin's symlink for an
	# uploaded copy and back, and long-lived workers must see that at once.
	setsid bash -c 'cd "$1" && PHP_CLI_SERVER_WORKERS=4 exec php -S "localhost:$2" -d realpath_cache_size=0 router.php' _ "$WP_CORE" "$WP_PORT" \
		</dev/null >"$LOG_DIR/php-server.log" 2>&1 &
	echo $! >"$RUN_DIR/php.pid"
	wait_for 100 port_open "$WP_PORT" || { log "PHP server did not start; see $LOG_DIR/php-server.log"; exit 1; }
}

start_db
create_dbs
configure_wp
build_assets
php "$ROOT/bin/stack/wp-install.php" "$WP_CORE" "$WP_URL" install
php "$ROOT/bin/stack/wp-install.php" "$WP_CORE" "$WP_URL" activate
start_web

WP_VER=$(php -r "include '$WP_CORE/wp-includes/version.php'; echo \$wp_version;")
cat <<MSG

  Customer Chat for Messenger — local WordPress $WP_VER is up.

  Site:   $WP_URL/
  Admin:  $WP_URL/wp-admin/options-general.php?page=customer-chat-for-messenger
  Login:  admin / password

  Stop it with: npm run stop
MSG
