#!/bin/sh
# Installs the editors the protocol layer drives for real (test/protocol/neovim.test.ts, eglot.test.ts):
#   neovim - Debian 12's Neovim 0.7.2, run headless with the server/README.md recipe.
#   emacs-nox, elpa-eglot - Emacs 28 with eglot 1.9 (test/protocol/eglot.test.ts).
# Idempotent; returns at once when everything is there.
# Usage: sh scripts/install-editors.sh     (root, or a user with sudo)
set -eu
missing=""
command -v nvim >/dev/null 2>&1 || missing="$missing neovim"
command -v emacs >/dev/null 2>&1 || missing="$missing emacs-nox"
ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1 || missing="$missing elpa-eglot"
[ -z "$missing" ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "install-editors: installing$missing"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
