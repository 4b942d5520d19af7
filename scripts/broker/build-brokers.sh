#!/bin/sh
# Builds the release brokers the broker layer asks (test/broker/releases.ts) from the sources in
# ../shared/brokers with its build.sh: idempotent and cached per version in
# ${MOSQUITTO_BROKERS_DIR:-~/.cache/mosquitto-brokers}/VERSION/mosquitto (about a minute per
# version the first time; build.sh apt-installs cmake, gcc and the -dev packages as root).
# Debian's 2.0.11 comes from scripts/broker/install-broker.sh instead.
#
# Usage: sh scripts/broker/build-brokers.sh [VERSION...]   (default: every release source there:
#        1.5.11 1.6.15 2.0.22 2.1.2)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=${MOSQUITTO_SHARED_DIR:-$here/../../../shared}
script=$shared/brokers/build.sh
if [ ! -f "$script" ]; then
  echo "build-brokers: $script is missing (the release sources live in ../shared/brokers next to the repository)" >&2
  exit 1
fi
bash "$script" "$@"
