// Deterministic generator of realistic mosquitto.conf files for the benchmark.
// The same (lines, seed, certDir) always yields the same text. Every line is valid for
// mosquitto 2.0.11 (the broker the bench compares against) and for the newest release, so
// the broker reads the whole file and the analysis reports (almost) nothing.
//
//   node scripts/bench/generate.mjs 10000 > /tmp/big.conf

/** mulberry32: a tiny seeded PRNG, so the files are identical on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITES = ['berlin', 'paris', 'oslo', 'lisbon', 'austin', 'osaka', 'lagos', 'quito'];
const KINDS = ['sensors', 'meters', 'alarms', 'telemetry', 'cmd', 'status', 'fw'];
const COMMENTS = [
  '# Managed by configuration management; local edits are overwritten.',
  '# TLS for external clients. Certificates are renewed by certbot.',
  '# Plain MQTT for the internal network only.',
  '# Bridge to the regional aggregation broker.',
  '# QoS 1 for telemetry, 2 for commands.',
  '# See https://mosquitto.org/man/mosquitto-conf-5.html',
  '#',
];

/**
 * Generates a configuration of exactly `lines` lines (the last one ends with '\n').
 * `certDir` is the folder the TLS paths point into (the bench creates the files there, so
 * "path checks on" measures real stat calls on existing files).
 */
export function generateConfig(lines, { seed = 1, certDir = '/etc/mosquitto/certs' } = {}) {
  const rand = prng(seed);
  const pick = (items) => items[Math.floor(rand() * items.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const out = [];
  const push = (...l) => out.push(...l);

  push(
    '# mosquitto.conf generated for the benchmark (deterministic)',
    '# =============================================================',
    '',
    'per_listener_settings false',
    'allow_anonymous false',
    `password_file ${certDir}/passwd`,
    `acl_file ${certDir}/acl`,
    '',
    'pid_file /run/mosquitto/mosquitto.pid',
    'user mosquitto',
    'persistence true',
    'persistence_location /var/lib/mosquitto/',
    'persistence_file mosquitto.db',
    'autosave_interval 1800',
    'autosave_on_changes false',
    '',
    '# Logging',
    'log_dest stdout',
    'log_dest syslog',
    'log_type error',
    'log_type warning',
    'log_type notice',
    'log_type information',
    'log_timestamp true',
    'log_timestamp_format %Y-%m-%dT%H:%M:%S',
    'connection_messages true',
    '',
    '# Limits',
    'max_inflight_messages 20',
    'max_queued_messages 1000',
    'max_queued_bytes 0',
    'max_keepalive 65535',
    'max_packet_size 268435456',
    'persistent_client_expiration 14d',
    'sys_interval 10',
    'retain_available true',
    'set_tcp_nodelay false',
    'queue_qos0_messages false',
    '',
  );

  let listener = 0;
  let bridge = 0;
  while (out.length < lines) {
    if (rand() < 0.72) {
      // A listener block: plain, TLS or websockets.
      const port = 10000 + listener++;
      const kind = rand();
      push(pick(COMMENTS), `listener ${port}`);
      if (kind < 0.35) {
        push('protocol mqtt', `max_connections ${int(100, 5000)}`, 'socket_domain ipv4');
      } else if (kind < 0.8) {
        push(
          'protocol mqtt',
          `cafile ${certDir}/ca.crt`,
          `certfile ${certDir}/server.crt`,
          `keyfile ${certDir}/server.key`,
          'tls_version tlsv1.2',
          `require_certificate ${rand() < 0.5 ? 'true' : 'false'}`,
          `max_connections ${int(100, 5000)}`,
        );
      } else {
        push('protocol websockets', `certfile ${certDir}/server.crt`, `keyfile ${certDir}/server.key`, 'socket_domain ipv4', `max_qos ${int(0, 2)}`);
      }
      push('');
    } else {
      // A bridge block with many topic lines.
      const name = `bridge-${String(bridge++).padStart(5, '0')}`;
      const site = pick(SITES);
      push(
        '# Bridge to the regional aggregation broker.',
        `connection ${name}`,
        `address ${site}.mqtt.example.net:${pick([1883, 8883])}`,
        'bridge_protocol_version mqttv311',
        `remote_clientid ${name}-${site}`,
        `remote_username ${name}`,
        `remote_password s3cret-${int(1000, 9999)}`,
        'cleansession false',
        `keepalive_interval ${pick([30, 60, 120])}`,
        'try_private true',
        'notifications true',
        'start_type automatic',
        'restart_timeout 10 30',
      );
      if (rand() < 0.5) {
        push(`bridge_cafile ${certDir}/ca.crt`, 'bridge_insecure false');
      }
      const topics = int(5, 40);
      for (let t = 0; t < topics; t++) {
        const k = pick(KINDS);
        const dir = pick(['in', 'out', 'both']);
        const qos = int(0, 2);
        if (rand() < 0.4) {
          push(`topic ${k}/${site}/${t}/# ${dir} ${qos} local/${name}/ remote/${site}/`);
        } else {
          push(`topic ${k}/${site}/+/${t} ${dir} ${qos}`);
        }
      }
      push('');
    }
  }
  out.length = lines;
  return `${out.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(generateConfig(Number(process.argv[2] ?? 1000)));
}
