import type { Version } from '../version';
import { atLeast } from '../version';

/** A default that changed between releases: the text applies from `since` on. */
export interface VersionedDefault {
  readonly since: string;
  readonly text: string;
}

/**
 * What the broker uses when a directive is absent, in our words (markdown allowed: code
 * spans). Version-dependent defaults are listed newest first. Directives without a
 * meaningful default (paths, names, section starters) are not listed.
 */
export const DIRECTIVE_DEFAULTS: Readonly<Record<string, string | readonly VersionedDefault[]>> = {
  accept_protocol_versions: 'every MQTT version (3.1, 3.1.1 and 5.0)',
  acl_file: 'none: no topic access control',
  allow_anonymous: [
    { since: '2.0.0', text: '`false` once any `listener`, `port` or `bind_address` is configured; `true` only in local-only mode' },
    { since: '1.5.0', text: '`true`, unless a password file, PSK file or authentication plugin is set' },
    { since: '1.4.0', text: '`true`' },
  ],
  allow_duplicate_messages: [
    { since: '2.1.0', text: '`true`' },
    { since: '1.4.0', text: '`false`' },
  ],
  allow_zero_length_clientid: '`true`',
  auth_plugin_deny_special_chars: '`true`',
  auto_id_prefix: [
    { since: '1.6.0', text: '`auto-`' },
    { since: '1.4.0', text: 'no prefix' },
  ],
  autosave_interval: '1800 seconds',
  autosave_on_changes: '`false`',
  bind_address: 'all interfaces',
  bridge_attempt_unsubscribe: '`true`',
  bridge_insecure: '`false`',
  bridge_max_packet_size: '0 (no limit)',
  bridge_max_topic_alias: '10',
  bridge_outgoing_retain: '`true`',
  bridge_protocol_version: [
    { since: '1.5.0', text: '`mqttv311`' },
    { since: '1.4.0', text: '`mqttv31`' },
  ],
  bridge_receive_maximum: 'unset (the manual says it falls back to `max_inflight_messages`)',
  bridge_reload_type: '`lazy`',
  bridge_require_ocsp: '`false`',
  bridge_session_expiry_interval: '0',
  bridge_tcp_keepalive: 'off',
  bridge_tcp_user_timeout: 'the operating system\'s default',
  bridge_tls_use_os_certs: '`false`',
  bridge_tls_version: 'the TLS library\'s default',
  check_retain_source: '`false`',
  ciphers: 'the TLS library\'s default list without weak ciphers',
  cleansession: '`false`',
  clientid: '`<hostname>.<connection name>`',
  clientid_prefixes: 'none: every client id is allowed',
  connection_messages: '`true`',
  disable_client_cert_date_checks: '`false`',
  enable_control_api: '`false`',
  enable_proxy_protocol: 'off',
  global_max_clients: '-1 (no limit)',
  global_max_connections: '-1 (no limit)',
  idle_timeout: '60 seconds',
  keepalive_interval: '60 seconds',
  listener_allow_anonymous: 'the value of `allow_anonymous`',
  listener_auto_id_prefix: '`auto-`',
  local_cleansession: 'the value of `cleansession`',
  local_clientid: '`local.<remote_clientid>`',
  log_dest: '`stderr` (a Windows service logs nowhere)',
  log_facility: 'the daemon facility',
  log_timestamp: '`true`',
  log_timestamp_format: 'seconds since the Unix epoch',
  log_type: '`error`, `warning`, `notice` and `information`',
  max_connections: '-1 (no limit)',
  max_inflight_bytes: '0 (no limit)',
  max_inflight_messages: '20',
  max_keepalive: [
    { since: '2.0.16', text: '0 (no limit)' },
    { since: '1.6.0', text: '65535' },
  ],
  max_packet_size: [
    { since: '2.1.0', text: '2000000 bytes' },
    { since: '1.6.0', text: '0 (no limit)' },
  ],
  max_qos: '2',
  max_queued_bytes: '0 (no limit)',
  max_queued_messages: [
    { since: '2.0.0', text: '1000' },
    { since: '1.4.0', text: '100' },
  ],
  max_topic_alias: '10',
  max_topic_alias_broker: '10',
  maximum_qos: '2',
  memory_limit: '0 (no limit)',
  message_size_limit: '0 (only MQTT\'s own limit)',
  notification_topic: '`$SYS/broker/connection/<remote_clientid>/state`',
  notifications: '`true`',
  notifications_local_only: '`false`',
  packet_buffer_size: '4096',
  password_file: 'none',
  per_listener_settings: '`false`',
  persistence: '`false`',
  persistence_file: '`mosquitto.db`',
  persistence_location: 'the broker\'s working directory',
  persistent_client_expiration: 'never: persistent sessions do not expire',
  pid_file: 'none: no PID file is written',
  port: '1883',
  protocol: '`mqtt`',
  proxy_protocol_v2_require_tls: '`false`',
  queue_qos0_messages: '`false`',
  remote_clientid: '`<hostname>.<connection name>`',
  require_certificate: '`false`',
  restart_timeout: [
    { since: '1.6.0', text: '`5 30`: a randomised backoff from 5 up to 30 seconds' },
    { since: '1.4.0', text: '30 seconds' },
  ],
  retain_available: '`true`',
  retain_expiry_interval: 'off',
  retained_persistence: '`false`',
  retry_interval: '20 seconds (used by 1.4 only)',
  round_robin: '`false`',
  set_tcp_nodelay: '`false`',
  socket_domain: 'both IPv4 and IPv6',
  start_type: '`automatic`',
  sys_interval: '10 seconds',
  threshold: '10',
  tls_keyform: '`pem`',
  tls_version: [
    { since: '2.0.16', text: 'TLS 1.2 and 1.3' },
    { since: '1.6.0', text: 'TLS 1.1 and newer' },
    { since: '1.4.0', text: 'TLS 1.0 and newer' },
  ],
  try_private: '`true`',
  upgrade_outgoing_qos: '`false`',
  use_identity_as_username: '`false`',
  use_subject_as_username: '`false`',
  use_username_as_clientid: '`false`',
  user: '`mosquitto`',
  websockets_headers_size: [
    { since: '2.1.0', text: '4096' },
    { since: '1.6.0', text: '0 (the libwebsockets default, 1024)' },
  ],
  websockets_log_level: '0',
  websockets_origin: 'any origin',
};

/** The default of a directive for one release, when it has one. */
export function defaultFor(name: string, version: Version): string | undefined {
  const entry = DIRECTIVE_DEFAULTS[name];
  if (entry === undefined || typeof entry === 'string') {
    return entry;
  }
  return entry.find((d) => atLeast(version, d.since))?.text ?? entry[entry.length - 1]?.text;
}
