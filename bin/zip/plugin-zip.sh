#!/usr/bin/env bash
# Builds the assets and customer-chat-for-messenger.zip at the repository root:
# only the files that ship, under the top folder customer-chat-for-messenger/.
# No sources, tests, node_modules, source maps or dotfiles.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SLUG="customer-chat-for-messenger"
ZIP="$ROOT/$SLUG.zip"
cd "$ROOT"

command -v zip >/dev/null || { echo "zip is missing: run bash bin/stack/install-deps.sh" >&2; exit 1; }

if [ "${CCFM_ZIP_SKIP_BUILD:-}" != 1 ]; then
	npm run -s build
fi
for f in build/boot-link.js build/boot-chat.js build/greeting.js build/front.js build/admin.js build/blocks/chat/index.js build/blocks/chat/block.json build/blocks/chat/render.php build/editor.js assets/css/bubble.css assets/css/button.css assets/js/react-jsx-runtime.js readme.txt; do
	[ -f "plugin/$f" ] || { echo "plugin/$f is missing; the zip would not work" >&2; exit 1; }
done

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/$SLUG"
# Copy plugin/ without anything that must not ship.
(cd plugin && find . -type f \
	! -path '*/.*' ! -name '*.map' \
	! -path './src/*' ! -path './tests/*' ! -path './node_modules/*' \
	-print0 | tar --null -T - -cf - | tar -xf - -C "$STAGE/$SLUG")
rm -f "$ZIP"
(cd "$STAGE" && zip -qrX "$ZIP" "$SLUG")
echo "$ZIP ($(unzip -Z1 "$ZIP" | grep -vc '/$') files)"
