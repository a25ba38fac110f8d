#!/usr/bin/env bash
# Installs what building, running and testing Confoederatio needs. Safe to run again: each step
# checks first and does nothing when its part is already there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		echo "need root for: $*" >&2; return 1; fi
}

# Debian packages: protoc (libp2p), clang + libclang (bindgen), lld (fast linking), Node.js.
packages=(protobuf-compiler clang libclang-dev lld curl)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
# The app's browser tests drive Debian's Chromium (never a downloaded browser).
[ -x /usr/bin/chromium ] || packages+=(chromium)
missing=()
for package in "${packages[@]}"; do
	dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
	log "installing Debian packages: ${missing[*]}"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# Rust: the toolchain pinned in rust-toolchain.toml, with the wasm target (no rust-src needed).
if ! command -v rustup >/dev/null; then
	log "installing rustup"
	curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain none
	# shellcheck disable=SC1091
	source "$HOME/.cargo/env"
fi
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")"
rustup toolchain list | grep -q "^$toolchain" || rustup toolchain install "$toolchain" --profile minimal
installed="$(rustup target list --installed --toolchain "$toolchain")"
grep -qx wasm32v1-none <<<"$installed" || rustup target add wasm32v1-none --toolchain "$toolchain"
components="$(rustup component list --installed --toolchain "$toolchain")"
for component in rustfmt clippy; do
	grep -q "^$component" <<<"$components" || rustup component add "$component" --toolchain "$toolchain"
done

# End-to-end tests: @polkadot/api from the committed lockfile.
if [ ! -d "$ROOT/e2e/node_modules" ] || [ "$ROOT/e2e/package-lock.json" -nt "$ROOT/e2e/node_modules/.package-lock.json" ]; then
	log "installing the e2e tests' npm packages"
	(cd "$ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The app: its build tools and @polkadot/api from its committed lockfile.
if [ ! -d "$ROOT/app/node_modules" ] || [ "$ROOT/app/package-lock.json" -nt "$ROOT/app/node_modules/.package-lock.json" ]; then
	log "installing the app's npm packages"
	(cd "$ROOT/app" && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p "$CARGO_TARGET_DIR"
log "setup done"
