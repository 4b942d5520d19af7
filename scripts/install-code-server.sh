#!/usr/bin/env bash
# Installs code-server (the real VS Code, served to a browser) into a cache folder
# OUTSIDE the repository, offline apart from the npm registry and Debian's apt, so that
# `npm run test:integration` can run the extension's integration suite in a real
# VS Code extension host driven by Debian's Chromium.
#
# Idempotent and keyed on the version: a completed install leaves a marker file and a
# second run only re-checks the apt packages and exits.
#
# code-server's own postinstall downloads ripgrep and cannot run offline, so the
# install follows the offline recipe of issue 5: install with --ignore-scripts, then
# install VS Code's own dependencies and rebuild the native modules from source
# against Node's headers, and point @vscode/ripgrep at Debian's rg.
#
# Environment:
#   MOSQUITTO_CODE_SERVER_DIR   install folder
#                               (default: $HOME/.cache/mosquitto-conf/code-server-4.100.3)
#   MOSQUITTO_CODE_SERVER_SKIP_APT=1   do not check/install apt packages
#
# Usage: scripts/install-code-server.sh [--force]   (--force reinstalls from scratch)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
INSTALL_DIR="${MOSQUITTO_CODE_SERVER_DIR:-$HOME/.cache/mosquitto-conf/code-server-$CODE_SERVER_VERSION}"
MARKER="$INSTALL_DIR/.mosquitto-conf-install-complete"
APT_PACKAGES=(chromium ripgrep libkrb5-dev pkg-config)

log() { printf '[install-code-server] %s\n' "$*"; }
SCRIPT_START=$(date +%s)
step() { printf '\n[install-code-server +%ss] ==> %s\n' "$(( $(date +%s) - SCRIPT_START ))" "$*"; }
die() { printf '\n[install-code-server] ERROR: %s\n' "$*" >&2; exit 1; }
CURRENT_STEP="start"
trap 'rc=$?; printf "\n[install-code-server] ERROR: step \"%s\" failed (exit %s, line %s). The install is incomplete; fix the cause and re-run %s (it starts again from scratch).\n" "$CURRENT_STEP" "$rc" "$LINENO" "$0" >&2; exit $rc' ERR

FORCE=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (usage: $0 [--force])" ;;
  esac
done


# ---------------------------------------------------------------------------
# 1. System packages (Debian): Chromium to drive VS Code, ripgrep for search,
#    Kerberos headers + pkg-config to build the `kerberos` native module, and a
#    C++ toolchain + python3 for node-gyp.
# ---------------------------------------------------------------------------
apt_missing=()
if [[ "${MOSQUITTO_CODE_SERVER_SKIP_APT:-0}" != 1 ]]; then
  CURRENT_STEP="check apt packages"
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      apt_missing+=("$pkg")
    fi
  done
  command -v g++ >/dev/null 2>&1 || apt_missing+=(g++)
  command -v make >/dev/null 2>&1 || apt_missing+=(make)
  command -v python3 >/dev/null 2>&1 || apt_missing+=(python3)
  if ((${#apt_missing[@]})); then
    step "apt packages missing: ${apt_missing[*]}"
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install these packages by hand: ${apt_missing[*]}"
    SUDO=""
    if [[ $(id -u) != 0 ]]; then
      command -v sudo >/dev/null 2>&1 || die "not root and no sudo; install these packages by hand: ${apt_missing[*]}"
      SUDO=sudo
    fi
    CURRENT_STEP="apt-get update"
    log "apt-get update"
    $SUDO apt-get update
    CURRENT_STEP="apt-get install ${apt_missing[*]}"
    log "apt-get install -y --no-install-recommends ${apt_missing[*]}"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${apt_missing[@]}"
  else
    log "apt packages present: ${APT_PACKAGES[*]}"
  fi
fi
[[ -x /usr/bin/rg ]] || die "/usr/bin/rg not found (apt package ripgrep)"

# ---------------------------------------------------------------------------
# 2. Already installed?
# ---------------------------------------------------------------------------
if [[ $FORCE == 0 && -f "$MARKER" ]] && [[ "$(cat "$MARKER")" == "code-server $CODE_SERVER_VERSION" ]] \
   && [[ -f "$INSTALL_DIR/node_modules/code-server/out/node/entry.js" ]]; then
  log "code-server $CODE_SERVER_VERSION already installed in $INSTALL_DIR (marker $MARKER); nothing to do."
  exit 0
fi

command -v node >/dev/null 2>&1 || die "node not found"
command -v npm >/dev/null 2>&1 || die "npm not found"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ "$node_major" == 20 ]] || log "WARNING: code-server $CODE_SERVER_VERSION is built for Node 20; this is Node $(node -v)."

# node-gyp must build against the machine's Node headers (no header download offline).
NODEDIR="${npm_config_nodedir:-$(npm config get nodedir 2>/dev/null || true)}"
[[ "$NODEDIR" == "undefined" || "$NODEDIR" == "null" ]] && NODEDIR=""
if [[ -z "$NODEDIR" && -f /usr/include/node/node.h ]]; then
  NODEDIR=/usr
fi
if [[ -n "$NODEDIR" ]]; then
  export npm_config_nodedir="$NODEDIR"
  log "building native modules against Node headers in $NODEDIR"
else
  log "WARNING: no nodedir configured and no /usr/include/node; node-gyp may try to download headers"
fi
NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"

step "installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR"
if [[ -e "$INSTALL_DIR" ]]; then
  log "removing incomplete or forced previous install in $INSTALL_DIR"
  rm -rf "$INSTALL_DIR"
fi
mkdir -p "$INSTALL_DIR"
cd "$INSTALL_DIR"
printf '{ "name": "mosquitto-conf-code-server-cache", "private": true }\n' > package.json

NPM_FLAGS=(--no-audit --no-fund --loglevel=warn)

CURRENT_STEP="npm install --ignore-scripts code-server@$CODE_SERVER_VERSION"
step "$CURRENT_STEP"
npm install "${NPM_FLAGS[@]}" --ignore-scripts "code-server@$CODE_SERVER_VERSION"

CS_DIR="$INSTALL_DIR/node_modules/code-server"
VSCODE_DIR="$CS_DIR/lib/vscode"
[[ -d "$VSCODE_DIR" ]] || die "$VSCODE_DIR missing after npm install"

cd "$VSCODE_DIR"
CURRENT_STEP="lib/vscode: npm install --omit=dev --ignore-scripts"
step "$CURRENT_STEP"
npm install "${NPM_FLAGS[@]}" --omit=dev --ignore-scripts

CURRENT_STEP="lib/vscode: npm rebuild native modules"
step "$CURRENT_STEP"
for mod in kerberos @parcel/watcher @vscode/spdlog @vscode/deviceid; do
  CURRENT_STEP="lib/vscode: npm rebuild $mod"
  log "npm rebuild $mod"
  npm rebuild "${NPM_FLAGS[@]}" "$mod"
done
# node-pty's install script builds the addon and then runs a post-install step that
# fails outside its own repository; the build itself is what we need, so check it.
CURRENT_STEP="lib/vscode: npm rebuild node-pty"
log "npm rebuild node-pty (its post-install step may report an error after building; checked below)"
npm rebuild "${NPM_FLAGS[@]}" node-pty || log "npm rebuild node-pty exited non-zero; checking the built addon"
[[ -f node_modules/node-pty/build/Release/pty.node ]] || die "node-pty did not build (node_modules/node-pty/build/Release/pty.node missing)"

CURRENT_STEP="lib/vscode: node-gyp rebuild native-watchdog"
step "$CURRENT_STEP"
(
  cd node_modules/native-watchdog
  if [[ -f "$NODE_GYP" ]]; then
    node "$NODE_GYP" rebuild
  else
    npx --yes node-gyp rebuild
  fi
)

CURRENT_STEP="lib/vscode: ripgrep symlink"
step "symlink node_modules/@vscode/ripgrep/bin/rg -> /usr/bin/rg"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg

CURRENT_STEP="lib/vscode: node_modules.asar symlink"
step "symlink node_modules.asar -> node_modules"
ln -sfn node_modules node_modules.asar

CURRENT_STEP="lib/vscode: bin script symlinks"
step "symlinks bin/remote-cli/code-server and bin/helpers/browser.sh (as code-server's postinstall does)"
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh

CURRENT_STEP="lib/vscode/extensions: npm install --omit=dev --ignore-scripts"
step "$CURRENT_STEP"
(cd extensions && npm install "${NPM_FLAGS[@]}" --omit=dev --ignore-scripts)

# argon2 (code-server's password hashing) is hoisted next to code-server, so rebuild it
# from the install root where npm can see it.
cd "$INSTALL_DIR"
CURRENT_STEP="code-server: npm rebuild argon2"
step "$CURRENT_STEP"
npm rebuild "${NPM_FLAGS[@]}" argon2

CURRENT_STEP="verify native modules load"
step "$CURRENT_STEP"
(
  cd "$VSCODE_DIR"
  node -e '
    const mods = ["kerberos", "node-pty", "@parcel/watcher", "@vscode/spdlog", "@vscode/deviceid", "native-watchdog"];
    for (const m of mods) { require(m); console.log("  loads: " + m); }
  '
)
(cd "$CS_DIR" && node -e 'require("argon2"); console.log("  loads: argon2")')

CURRENT_STEP="verify code-server runs"
step "$CURRENT_STEP"
# code-server writes a default config.yaml (and logs) under XDG dirs on every start;
# keep that out of the user's home.
scratch=$(mktemp -d)
version_out=$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" node "$CS_DIR/out/node/entry.js" --version 2>&1 || true)
rm -rf "$scratch"
version_line=$(printf '%s\n' "$version_out" | grep -E "^$CODE_SERVER_VERSION " | head -n 1 || true)
log "code-server --version: ${version_line:-<none>}"
[[ -n "$version_line" ]] || die "code-server does not run or reports another version; output was: $version_out"

printf 'code-server %s\n' "$CODE_SERVER_VERSION" > "$MARKER"
elapsed=$(( $(date +%s) - SCRIPT_START ))
step "code-server $CODE_SERVER_VERSION installed in $INSTALL_DIR in ${elapsed}s"
log "entry point: node $CS_DIR/out/node/entry.js"
