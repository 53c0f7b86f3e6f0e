#!/usr/bin/env bash
# Runs the PHP integration tests (tests/php) against the local WordPress and
# its separate test database (CCFM_WP_TESTS=1 selects `wordpress_test`).
# Starts the local stack first when MariaDB does not answer.
# Usage: bash bin/test/test-php.sh [--multisite] [phpunit arguments]
#   --multisite  runs tests/php/multisite against the multisite network
#                (database `wordpress_ms_test`, served on the site port + 100).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

DB_SOCK="$ROOT/.wp/run/mysqld.sock"
if ! { [ -S "$DB_SOCK" ] && mysqladmin --protocol=socket -S "$DB_SOCK" -uroot ping >/dev/null 2>&1; }; then
	bash "$ROOT/bin/stack/start.sh" >/dev/null
fi

if [ "${1:-}" = "--multisite" ]; then
	shift
	CCFM_WP_TESTS=multisite exec vendor/bin/phpunit -c phpunit-multisite.xml.dist "$@"
fi
CCFM_WP_TESTS=1 exec vendor/bin/phpunit -c phpunit.xml.dist "$@"
