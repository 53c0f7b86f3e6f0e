#!/usr/bin/env bash
# Runs every check: lint (ESLint via wp-scripts, PHPCS), PHPStan (WordPress
# stubs), `tsc --noEmit`, JS unit tests, PHP integration tests against the
# real WordPress, and the browser tests in Chromium. Brings the local site up
# first. Ends with one summary line: "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
LOGS="$ROOT/.wp/logs"

bash bin/stack/start.sh || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$LOGS"
# Test-only mu-plugins (server scenarios for the browser tests).
for mu in "$ROOT"/tests/mu-plugins/*.php; do
	ln -sfn "$mu" "$ROOT/.wp/wordpress/wp-content/mu-plugins/$(basename "$mu")"
done
WP_VER=$(php -r "include '$ROOT/.wp/wordpress/wp-includes/version.php'; echo \$wp_version;")
echo "== Testing against WordPress $WP_VER, PHP $(php -r 'echo PHP_VERSION;'), $(/usr/bin/chromium --version 2>/dev/null)"

passed=0
failed=0
failures=()
step() { # step NAME COMMAND... : a check that counts as one test.
	local name="$1"; shift
	echo "== $name"
	if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}
count() { # count NAME PASS FAIL OK : a suite with its own counts.
	passed=$((passed + $2)); failed=$((failed + $3))
	if [ "$4" != 0 ] || [ "$3" != 0 ]; then failures+=("$1"); [ "$3" = 0 ] && failed=$((failed + 1)); fi
}

step "ESLint (wp-scripts lint-js)" npx wp-scripts lint-js src tests/e2e tests/js tests/stand-ins bin/bench/bench.js bin/i18n
step "TypeScript (tsc --noEmit, strict)" npm run -s typecheck
step "PHPCS (WordPress-Extra, Docs, Security, PHPCompatibilityWP 7.4+)" vendor/bin/phpcs -q
step "PHPStan (level 10, WordPress stubs)" vendor/bin/phpstan analyse --no-progress --memory-limit=1G

echo "== JS unit tests (Jest via wp-scripts test-unit-js)"
npx wp-scripts test-unit-js --ci 2>&1 | tee "$LOGS/js-unit.log"; rc=${PIPESTATUS[0]}
# Jest's summary: "Tests:       1 failed, 2 skipped, 40 passed, 43 total".
js_tests=$(grep -E '^Tests:' "$LOGS/js-unit.log" | tail -1)
count "JS unit tests" "$(grep -oP '\d+(?= passed)' <<<"$js_tests" || echo 0)" "$(grep -oP '\d+(?= failed)' <<<"$js_tests" || echo 0)" "$rc"

echo "== PHP integration tests (PHPUnit, real WordPress + MariaDB)"
bash bin/test/test-php.sh 2>&1 | tee "$LOGS/php-unit.log"; rc=${PIPESTATUS[0]}
php_total=$(grep -oP '^OK \(\K\d+' "$LOGS/php-unit.log" || grep -oP '^Tests: \K\d+' "$LOGS/php-unit.log" || echo 0)
php_bad=$(( $(grep -oP 'Failures: \K\d+' "$LOGS/php-unit.log" || echo 0) + $(grep -oP 'Errors: \K\d+' "$LOGS/php-unit.log" || echo 0) ))
count "PHP integration tests" "$((php_total - php_bad))" "$php_bad" "$rc"

echo "== PHP multisite tests (PHPUnit, a real subdirectory network)"
bash bin/test/test-php.sh --multisite 2>&1 | tee "$LOGS/php-multisite.log"; rc=${PIPESTATUS[0]}
php_total=$(grep -oP '^OK \(\K\d+' "$LOGS/php-multisite.log" || grep -oP '^Tests: \K\d+' "$LOGS/php-multisite.log" || echo 0)
php_bad=$(( $(grep -oP 'Failures: \K\d+' "$LOGS/php-multisite.log" || echo 0) + $(grep -oP 'Errors: \K\d+' "$LOGS/php-multisite.log" || echo 0) ))
count "PHP multisite tests" "$((php_total - php_bad))" "$php_bad" "$rc"

echo "== Browser tests (Playwright, Chromium)"
npx playwright test -c tests/e2e/playwright.config.ts 2>&1 | tee "$LOGS/e2e.log"; rc=${PIPESTATUS[0]}
count "Browser tests" "$(grep -oP '^\s+\K\d+(?= passed)' "$LOGS/e2e.log" || echo 0)" "$(grep -oP '^\s+\K\d+(?= failed)' "$LOGS/e2e.log" || echo 0)" "$rc"

if [ ${#failures[@]} -gt 0 ]; then
	echo "Failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
