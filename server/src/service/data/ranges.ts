/**
 * Numeric limits the broker enforces, with the releases that enforce them. Values outside a
 * range that applies make the broker refuse to start. Limits that only clamp (e.g. negative
 * `autosave_interval` becomes 0) are not listed: they are not errors.
 */
export interface RangeCheck {
  /** First release that checks. */
  readonly from: string;
  /** First release that no longer checks this way (exclusive). */
  readonly until?: string;
  readonly min?: number;
  readonly max?: number;
  /** Index of the argument the check applies to (default 0). */
  readonly arg?: number;
}

export const RANGE_CHECKS: Readonly<Record<string, readonly RangeCheck[]>> = {
  port: [{ from: '1.4.0', min: 1, max: 65535 }],
  listener: [{ from: '1.4.0', min: 1, max: 65535 }],
  log_facility: [{ from: '1.4.0', min: 0, max: 7 }],
  sys_interval: [{ from: '1.4.0', min: 0, max: 65535 }],
  retry_interval: [{ from: '1.4.0', until: '1.5.0', min: 1, max: 3600 }],
  memory_limit: [{ from: '1.5.0', min: 0 }],
  message_size_limit: [{ from: '1.5.0', min: 0, max: 268435455 }],
  max_inflight_messages: [{ from: '1.6.0', max: 65535 }],
  max_keepalive: [{ from: '1.6.0', until: '2.0.13', min: 10, max: 65535 }, { from: '2.0.13', min: 0, max: 65535 }],
  max_packet_size: [{ from: '1.6.0', min: 20 }],
  max_qos: [{ from: '1.6.0', min: 0, max: 2 }],
  maximum_qos: [{ from: '1.6.0', min: 0, max: 2 }],
  max_topic_alias: [{ from: '2.0.0', min: 0, max: 65535 }],
  max_topic_alias_broker: [{ from: '2.1.0', min: 0, max: 65535 }],
  keepalive_interval: [{ from: '2.0.0', max: 65535 }],
  websockets_headers_size: [{ from: '2.0.0', min: 0, max: 65535 }],
  packet_buffer_size: [{ from: '2.1.0', min: 0, max: 65535 }],
  retain_expiry_interval: [{ from: '2.0.21', min: 1 }],
  bridge_max_topic_alias: [{ from: '2.1.0', min: 0, max: 65535 }],
  bridge_receive_maximum: [{ from: '2.1.0', min: 1, max: 65535 }],
  bridge_session_expiry_interval: [{ from: '2.1.0', min: 0 }],
  bridge_tcp_keepalive: [{ from: '2.1.0', min: 1, arg: 0 }, { from: '2.1.0', min: 1, arg: 1 }, { from: '2.1.0', min: 1, arg: 2 }],
  bridge_tcp_user_timeout: [{ from: '2.1.0', min: 0 }],
};

/**
 * Options whose missing value older brokers only log (and go on) instead of refusing to start:
 * the value is the first release where a missing value is fatal.
 */
export const EMPTY_VALUE_FATAL_SINCE: Readonly<Record<string, string>> = {
  max_connections: '2.1.0',
  log_type: '2.1.0',
  protocol: '2.1.0',
  persistent_client_expiration: '2.1.0',
  max_inflight_messages: '1.6.0',
  max_queued_messages: '2.0.0',
  max_inflight_bytes: '2.0.0',
  max_queued_bytes: '2.0.0',
  max_topic_alias: '2.0.0',
};

/** Options that still read numbers with C `atoi` (no validation) in 2.1. */
export const ATOI_IN_2_1: ReadonlySet<string> = new Set(['restart_timeout', 'memory_limit']);
