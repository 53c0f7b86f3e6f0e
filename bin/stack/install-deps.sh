#!/usr/bin/env bash
# Installs what the local stack and the tests need, skipping what is there:
# Debian packages (PHP extensions, MariaDB, Chromium), npm and Composer
# packages, and WordPress core (Debian's own package, fetched through apt).
source "$(dirname "$0")/lib.sh"

APT_PKGS=(php8.2-cli php8.2-mysql php8.2-gd php8.2-curl php8.2-xml php8.2-mbstring php8.2-intl php8.2-zip mariadb-server mariadb-client chromium zip unzip gettext)

install_apt() {
	local missing=()
	for p in "${APT_PKGS[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		log "Installing Debian packages: ${missing[*]}"
		need_root_or_sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive need_root_or_sudo apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

install_node() {
	if [ ! -d "$ROOT/node_modules/@wordpress/scripts" ] || [ "$ROOT/package.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
		log "Installing npm packages"
		(cd "$ROOT" && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi) >/dev/null
	fi
}

install_composer() {
	if [ ! -f "$ROOT/vendor/autoload.php" ] || [ "$ROOT/composer.json" -nt "$ROOT/vendor/autoload.php" ]; then
		log "Installing Composer packages"
		(cd "$ROOT" && COMPOSER_ALLOW_SUPERUSER=1 composer install --no-interaction --no-progress -q)
	fi
}

# WordPress core: the registry copy of Packagist has no core package, so use
# Debian's `wordpress` package from the trixie suite (6.8.x), downloaded
# without installing it and without touching the system's apt sources.
install_wordpress() {
	if [ -f "$WP_CORE/wp-includes/version.php" ]; then return 0; fi
	log "Fetching WordPress core (Debian package, trixie)"
	local x="$WP_CACHE/apt"
	mkdir -p "$x/lists/partial" "$x/debs"
	local uri
	uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
	[ -n "$uri" ] || uri=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > "$x/sources.list"
	local o=(-o "Dir::Etc::SourceList=$x/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$x/lists" -o Debug::NoLocking=1)
	if ! ls "$x"/debs/wordpress_*.deb >/dev/null 2>&1; then
		apt-get "${o[@]}" update -qq
		(cd "$x/debs" && chmod 777 . && apt-get "${o[@]}" download wordpress wordpress-theme-twentytwentyfive libjs-lodash libjs-underscore libjs-cropper php-getid3 >/dev/null)
	fi
	rm -rf "$x/root" && mkdir -p "$x/root"
	for f in "$x"/debs/*.deb; do dpkg -x "$f" "$x/root"; done
	# Debian points some files at /etc/wordpress; drop links that lead nowhere.
	find "$x/root" -xtype l -delete
	rm -rf "$WP_CORE.tmp"
	cp -rL "$x/root/usr/share/wordpress" "$WP_CORE.tmp"
	mkdir -p "$WP_CORE.tmp/wp-content/themes" "$WP_CORE.tmp/wp-content/plugins" "$WP_CORE.tmp/wp-content/mu-plugins"
	rm -rf "$WP_CORE.tmp/wp-content/themes/twentytwentyfive"
	cp -rL "$x/root/usr/share/wordpress/wp-content/themes/twentytwentyfive" "$WP_CORE.tmp/wp-content/themes/" 2>/dev/null \
		|| cp -rL "$x"/root/usr/share/wordpress/wp-content/themes/twentytwentyfive "$WP_CORE.tmp/wp-content/themes/"
	rm -f "$WP_CORE.tmp/wp-config.php"
	mv "$WP_CORE.tmp" "$WP_CORE"
}

install_apt
install_node
install_composer
install_wordpress
