#!/bin/sh
# Installs what the broker-differential tests need (test/broker/), idempotently:
#   mosquitto  - Debian's broker, used as the oracle (2.0.11 on Debian 12)
#   iproute2   - `ip link set lo up` inside the oracle's network namespace
#   openssl    - the generator's self-signed test certificate
#   util-linux - unshare, setpriv, mount (essential on Debian; listed for minimal images)
#   mosquitto-clients - mosquitto_pub for the password-hash round trip (test/broker/companion.ts)
# and makes sure no system mosquitto service runs: the oracle only ever starts brokers inside
# its own network/mount namespaces, and a running service would also create /run/mosquitto,
# which changes the verdict of configurations whose pid_file lives there.
#
# Usage: sh scripts/broker/install-broker.sh     (root, or a user with sudo)
set -eu

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

missing=""
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]; }
have mosquitto || missing="$missing mosquitto"
have ip || missing="$missing iproute2"
have openssl || missing="$missing openssl"
have mosquitto_pub || missing="$missing mosquitto-clients"
{ have unshare && have setpriv && have mount; } || missing="$missing util-linux mount"

if [ -n "$missing" ]; then
  echo "install-broker: installing$missing"
  # The package's postinst starts the service through invoke-rc.d unless a policy forbids it
  # (Docker images ship such a policy; add one for the duration of the install if there is none).
  policy_added=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d
    policy_added="yes"
  fi
  trap 'if [ -n "$policy_added" ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi' EXIT
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "install-broker: mosquitto, iproute2, openssl and util-linux already installed"
fi

# No system service: stop and disable it whichever init system is in charge.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  $SUDO systemctl disable --now mosquitto.service >/dev/null 2>&1 || true
fi
if [ -x /etc/init.d/mosquitto ]; then
  $SUDO /etc/init.d/mosquitto stop >/dev/null 2>&1 || true
  if command -v update-rc.d >/dev/null 2>&1; then
    $SUDO update-rc.d mosquitto disable >/dev/null 2>&1 || true
  fi
fi
# A service broker that outlived the above (started from the Debian pid file).
if [ -r /run/mosquitto/mosquitto.pid ]; then
  pid="$(cat /run/mosquitto/mosquitto.pid)"
  if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "mosquitto" ]; then
    $SUDO kill "$pid" || true
  fi
fi

broker="$(command -v mosquitto || echo /usr/sbin/mosquitto)"
version="$("$broker" -h 2>/dev/null | sed -n '1s/^mosquitto version //p')"
if [ -z "$version" ]; then
  echo "install-broker: mosquitto is not usable ($broker)" >&2
  exit 1
fi
echo "install-broker: $broker version $version ($(dpkg-query -W -f '${Version}' mosquitto 2>/dev/null || echo 'not from apt'))"
