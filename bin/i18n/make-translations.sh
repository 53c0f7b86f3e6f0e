#!/usr/bin/env bash
# Regenerates every translation artefact from the sources:
# the POT (bin/i18n/make-pot.js), each .po merged with it (msgmerge), the .mo
# files (msgfmt) and the JavaScript JSON files (bin/i18n/po2json.js).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
command -v msgfmt >/dev/null || { echo "msgfmt is missing: run bash bin/stack/install-deps.sh (Debian package gettext)" >&2; exit 1; }
POT=plugin/languages/customer-chat-for-messenger.pot
node bin/i18n/make-pot.js
for po in plugin/languages/*.po; do
	msgmerge --quiet --update --backup=off --no-fuzzy-matching "$po" "$POT"
	msgfmt --check --output-file="${po%.po}.mo" "$po"
	echo "$po: $(msgfmt --statistics -o /dev/null "$po" 2>&1)"
done
node bin/i18n/po2json.js
