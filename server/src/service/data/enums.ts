/** Enum values that only some releases accept: value -> first release that accepts it. */
export const ENUM_VALUE_SINCE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  protocol: { http_api: '2.1.0' },
  log_dest: { dlt: '2.0.0', android: '2.1.0' },
  log_type: { internal: '1.6.0' },
  bridge_protocol_version: { mqttv50: '2.0.0' },
  tls_version: { 'tlsv1.3': '1.6.0' },
};

/** Enum values that later releases stopped accepting: value -> first release that refuses it. */
export const ENUM_VALUE_UNTIL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  tls_version: { tlsv1: '1.6.0' },
};

/**
 * Where a bad enum value is not a start-up error: the broker ignores it or only fails later.
 * Value: what happens, in our words.
 */
export const ENUM_SOFT_FAILURE: Readonly<Record<string, string>> = {
  tls_keyform: 'the broker silently treats anything but `engine` as `pem`',
  bridge_tls_version: 'the bridge fails when it connects, not at start-up',
};

/** Values that exist only in builds we never check against (Android). */
export const ENUM_BUILD_ONLY: Readonly<Record<string, readonly string[]>> = {
  log_dest: ['android'],
};
