#!/bin/sh
# Installs the editors the protocol layer drives for real (test/protocol/neovim.test.ts):
#   neovim - Debian 12's Neovim 0.7.2, run headless with the server/README.md recipe.
# Idempotent; returns at once when everything is there.
# Usage: sh scripts/install-editors.sh     (root, or a user with sudo)
set -eu
command -v nvim >/dev/null 2>&1 && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "install-editors: installing neovim"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim >/dev/null
