// Directive catalogue: the single source of directive facts for validation, completion,
// hover, the grammar and the docs. Imported once from the reference facts by
// scripts/import-catalogue.mjs, then maintained by hand. Documentation prose is in docs.ts.
import type { DirectiveSpec } from './types';

const CATALOGUE = [
  {
    name: 'accept_protocol_versions',
    syntax: 'accept_protocol_versions <versions>',
    args: [
      {
        name: 'versions',
        type: 'list',
        required: true,
        values: [
          '3',
          '4',
          '5'
        ]
      }
    ],
    valueMode: 'tokens',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '2.1.0',
    listenerRequirement: 'explicit-listener',
    default: 'every MQTT version (3.1, 3.1.1 and 5.0)',
    features: []
  },
  {
    name: 'acl_file',
    syntax: 'acl_file <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'security',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    deprecated: {
      version: '2.1.0',
      replacement: 'the acl-file plugin (plugin .../mosquitto_acl_file.so with plugin_opt_acl_file)',
      notice: false
    },
    default: 'none: no topic access control',
    path: { kind: 'file', fatal: true },
    features: []
  },
  {
    name: 'address',
    syntax: 'address <host[:port]> [<host[:port]> ...]',
    args: [
      {
        name: 'address',
        type: 'list',
        required: true
      }
    ],
    valueMode: 'tokens',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    features: [
      'bridge'
    ]
  },
  {
    name: 'addresses',
    aliasOf: 'address',
    syntax: 'address <host[:port]> [<host[:port]> ...]',
    args: [
      {
        name: 'address',
        type: 'list',
        required: true
      }
    ],
    valueMode: 'tokens',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    features: [
      'bridge'
    ]
  },
  {
    name: 'allow_anonymous',
    syntax: 'allow_anonymous [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'security',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: [{ since: '2.0.0', text: '`false` once any `listener`, `port` or `bind_address` is configured; `true` only in local-only mode' }, { since: '1.5.0', text: '`true`, unless a password file, PSK file or authentication plugin is set' }, { since: '1.4.0', text: '`true`' }],
    features: []
  },
  {
    name: 'allow_duplicate_messages',
    syntax: 'allow_duplicate_messages [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    deprecated: {
      version: '2.0.0',
      notice: true
    },
    default: [{ since: '2.1.0', text: '`true`' }, { since: '1.4.0', text: '`false`' }],
    features: []
  },
  {
    name: 'allow_zero_length_clientid',
    syntax: 'allow_zero_length_clientid [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'security',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`true`',
    features: []
  },
  {
    name: 'auth_opt_*',
    prefix: 'auth_opt_',
    aliasOf: 'plugin_opt_*',
    syntax: 'auth_opt_<key> <value>',
    args: [
      {
        name: 'key',
        type: 'string',
        required: true
      },
      {
        name: 'value',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'raw',
    scope: 'plugin',
    duplicate: 'accumulates',
    since: '1.4.0',
    deprecated: {
      version: '2.0.12',
      replacement: 'plugin_opt_*',
      notice: false
    },
    features: []
  },
  {
    name: 'auth_plugin',
    aliasOf: 'plugin',
    syntax: 'plugin <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'raw',
    scope: 'security',
    duplicate: 'accumulates',
    since: '1.4.0',
    deprecated: {
      version: '2.0.12',
      replacement: 'plugin',
      notice: false
    },
    path: { kind: 'file', fatal: true },
    features: []
  },
  {
    name: 'auth_plugin_deny_special_chars',
    syntax: 'auth_plugin_deny_special_chars [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'plugin',
    duplicate: 'last-wins',
    since: '1.4.13',
    default: '`true`',
    features: []
  },
  {
    name: 'auto_id_prefix',
    syntax: 'auto_id_prefix <prefix>',
    args: [
      {
        name: 'prefix',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'security',
    duplicate: 'error',
    since: '1.4.0',
    deprecated: {
      version: '2.1.0',
      replacement: 'listener_auto_id_prefix',
      notice: true
    },
    default: [{ since: '1.6.0', text: '`auto-`' }, { since: '1.4.0', text: 'no prefix' }],
    features: []
  },
  {
    name: 'autosave_interval',
    syntax: 'autosave_interval <seconds>',
    args: [
      {
        name: 'seconds',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '1800 seconds',
    features: []
  },
  {
    name: 'autosave_on_changes',
    syntax: 'autosave_on_changes [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`false`',
    features: []
  },
  {
    name: 'bind_address',
    syntax: 'bind_address <address>',
    args: [
      {
        name: 'address',
        type: 'host',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'default-listener',
    duplicate: 'error',
    since: '1.4.0',
    deprecated: {
      version: '2.0.0',
      replacement: 'listener <port> <address>',
      notice: true
    },
    default: 'all interfaces',
    features: []
  },
  {
    name: 'bind_interface',
    syntax: 'bind_interface <device>',
    args: [
      {
        name: 'device',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error',
    since: '1.6.0',
    listenerRequirement: 'listener-or-default',
    platformNotes: [{ platforms: ['windows', 'macos'], note: 'Needs `SO_BINDTODEVICE`, which in practice only Linux builds have; elsewhere the broker refuses the option.', unsupported: true }],
    features: []
  },
  {
    name: 'bridge_alpn',
    syntax: 'bridge_alpn <value>',
    args: [
      {
        name: 'value',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.6.0',
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_attempt_unsubscribe',
    syntax: 'bridge_attempt_unsubscribe [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`true`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_bind_address',
    syntax: 'bridge_bind_address <value>',
    args: [
      {
        name: 'value',
        type: 'host',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '2.0.0',
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_cafile',
    syntax: 'bridge_cafile <value>',
    args: [
      {
        name: 'value',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    path: { kind: 'file', fatal: false, effect: 'the bridge cannot connect' },
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_capath',
    syntax: 'bridge_capath <value>',
    args: [
      {
        name: 'value',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    path: { kind: 'directory', fatal: false, effect: 'the bridge cannot connect' },
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_certfile',
    syntax: 'bridge_certfile <value>',
    args: [
      {
        name: 'value',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    path: { kind: 'file', fatal: false, effect: 'the bridge cannot connect' },
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_ciphers',
    syntax: 'bridge_ciphers <value>',
    args: [
      {
        name: 'value',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '2.1.0',
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_ciphers_tls1.3',
    syntax: 'bridge_ciphers_tls1.3 <value>',
    args: [
      {
        name: 'value',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '2.1.0',
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_identity',
    syntax: 'bridge_identity <value>',
    args: [
      {
        name: 'value',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    features: [
      'bridge',
      'tls-psk'
    ]
  },
  {
    name: 'bridge_insecure',
    syntax: 'bridge_insecure [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`false`',
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_keyfile',
    syntax: 'bridge_keyfile <value>',
    args: [
      {
        name: 'value',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    path: { kind: 'file', fatal: false, effect: 'the bridge cannot connect' },
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_max_packet_size',
    syntax: 'bridge_max_packet_size <bytes>',
    args: [
      {
        name: 'bytes',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.0.0',
    default: '0 (no limit)',
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_max_topic_alias',
    syntax: 'bridge_max_topic_alias <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: '10',
    ranges: [{ from: '2.1.0', min: 0, max: 65535 }],
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_outgoing_retain',
    syntax: 'bridge_outgoing_retain [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.0.0',
    default: '`true`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_protocol_version',
    syntax: 'bridge_protocol_version <version>',
    args: [
      {
        name: 'version',
        type: 'enum',
        required: true,
        values: [
          'mqttv31',
          'mqttv311',
          'mqttv50'
        ]
      }
    ],
    valueMode: 'raw',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: [{ since: '1.5.0', text: '`mqttv311`' }, { since: '1.4.0', text: '`mqttv31`' }],
    valuesSince: { mqttv50: '2.0.0' },
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_psk',
    syntax: 'bridge_psk <value>',
    args: [
      {
        name: 'value',
        type: 'hex',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    features: [
      'bridge',
      'tls-psk'
    ]
  },
  {
    name: 'bridge_receive_maximum',
    syntax: 'bridge_receive_maximum <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: 'unset (the manual says it falls back to `max_inflight_messages`)',
    ranges: [{ from: '2.1.0', min: 1, max: 65535 }],
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_reload_type',
    syntax: 'bridge_reload_type [ lazy | immediate ]',
    args: [
      {
        name: 'type',
        type: 'enum',
        required: true,
        values: [
          'lazy',
          'immediate'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: '`lazy`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_require_ocsp',
    syntax: 'bridge_require_ocsp [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.6.0',
    default: '`false`',
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_session_expiry_interval',
    syntax: 'bridge_session_expiry_interval <seconds>',
    args: [
      {
        name: 'seconds',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: '0',
    ranges: [{ from: '2.1.0', min: 0 }],
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_tcp_keepalive',
    syntax: 'bridge_tcp_keepalive <idle> <interval> <counter>',
    args: [
      {
        name: 'idle',
        type: 'int',
        required: true,
      },
      {
        name: 'interval',
        type: 'int',
        required: true,
      },
      {
        name: 'counter',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'tokens',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: 'off',
    ranges: [{ from: '2.1.0', min: 1, arg: 0 }, { from: '2.1.0', min: 1, arg: 1 }, { from: '2.1.0', min: 1, arg: 2 }],
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_tcp_user_timeout',
    syntax: 'bridge_tcp_user_timeout <milliseconds>',
    args: [
      {
        name: 'milliseconds',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: 'the operating system\'s default',
    ranges: [{ from: '2.1.0', min: 0 }],
    features: [
      'bridge'
    ]
  },
  {
    name: 'bridge_tls_use_os_certs',
    syntax: 'bridge_tls_use_os_certs [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: '`false`',
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'bridge_tls_version',
    syntax: 'bridge_tls_version <value>',
    args: [
      {
        name: 'version',
        type: 'enum',
        required: true,
        values: [
          'tlsv1.3',
          'tlsv1.2'
        ]
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    default: 'the TLS library\'s default',
    invalidValueEffect: 'the bridge fails when it connects, not at start-up',
    features: [
      'bridge',
      'tls'
    ]
  },
  {
    name: 'cafile',
    syntax: 'cafile <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    listenerRequirement: 'listener',
    path: { kind: 'file', fatal: true, tlsListener: true },
    features: [
      'tls'
    ]
  },
  {
    name: 'capath',
    syntax: 'capath <directory path>',
    args: [
      {
        name: 'dir',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    // OpenSSL only records the folder; a missing one surfaces when a client certificate is checked.
    path: { kind: 'directory', fatal: false, effect: 'client certificates cannot be verified against it' },
    features: [
      'tls'
    ]
  },
  {
    name: 'certfile',
    syntax: 'certfile <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    path: { kind: 'file', fatal: true, tlsListener: true },
    features: [
      'tls'
    ]
  },
  {
    name: 'check_retain_source',
    syntax: 'check_retain_source [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.5.6',
    default: '`false`',
    features: []
  },
  {
    name: 'ciphers',
    syntax: 'ciphers <cipher:list>',
    args: [
      {
        name: 'list',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    default: 'the TLS library\'s default list without weak ciphers',
    features: [
      'tls'
    ]
  },
  {
    name: 'ciphers_tls1.3',
    syntax: 'ciphers_tls1.3 <cipher:list>',
    args: [
      {
        name: 'list',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error-before-2.1',
    since: '2.0.0',
    listenerRequirement: 'listener-or-default',
    features: [
      'tls'
    ]
  },
  {
    name: 'cleansession',
    syntax: 'cleansession [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`false`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'clientid',
    aliasOf: 'remote_clientid',
    syntax: 'remote_clientid <id>',
    args: [
      {
        name: 'id',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    deprecated: {
      version: '1.4.0',
      replacement: 'remote_clientid',
      notice: false
    },
    default: '`<hostname>.<connection name>`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'clientid_prefixes',
    syntax: 'clientid_prefixes <prefix>',
    args: [
      {
        name: 'prefix',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'global',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    deprecated: {
      version: '2.0.0',
      notice: true
    },
    default: 'none: every client id is allowed',
    features: []
  },
  {
    name: 'connection',
    syntax: 'connection <name>',
    args: [
      {
        name: 'name',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'structure',
    duplicate: 'accumulates',
    since: '1.4.0',
    features: [
      'bridge'
    ]
  },
  {
    name: 'connection_messages',
    syntax: 'connection_messages [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`true`',
    features: []
  },
  {
    name: 'crlfile',
    syntax: 'crlfile <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    path: { kind: 'file', fatal: true, tlsListener: true },
    features: [
      'tls'
    ]
  },
  {
    name: 'dhparamfile',
    syntax: 'dhparamfile <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error',
    since: '1.6.0',
    removed: {
      version: '2.1.0',
      kind: 'ignored'
    },
    listenerRequirement: 'listener-or-default',
    path: { kind: 'file', fatal: true, tlsListener: true },
    features: [
      'tls'
    ]
  },
  {
    name: 'disable_client_cert_date_checks',
    syntax: 'disable_client_cert_date_checks [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '2.1.0',
    listenerRequirement: 'listener',
    default: '`false`',
    features: [
      'tls'
    ]
  },
  {
    name: 'enable_control_api',
    syntax: 'enable_control_api [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: '`false`',
    features: []
  },
  {
    name: 'enable_proxy_protocol',
    syntax: 'enable_proxy_protocol [ 1 | 2 ]',
    args: [
      {
        name: 'version',
        type: 'int',
        required: true,
        values: [
          '1',
          '2'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '2.1.0',
    listenerRequirement: 'listener',
    default: 'off',
    ranges: [{ from: '2.1.0', min: 1, max: 2 }],
    features: [
      'websockets'
    ]
  },
  {
    name: 'ffdc_output',
    syntax: 'ffdc_output <value>',
    args: [
      {
        name: 'value',
        type: 'any',
        required: false
      }
    ],
    valueMode: 'ignored',
    scope: 'global',
    duplicate: 'accumulates',
    since: '1.4.0',
    removed: {
      version: '2.0.0',
      kind: 'unknown'
    },
    features: []
  },
  {
    name: 'global_max_clients',
    syntax: 'global_max_clients <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: '-1 (no limit)',
    features: []
  },
  {
    name: 'global_max_connections',
    syntax: 'global_max_connections <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: '-1 (no limit)',
    features: []
  },
  {
    name: 'global_plugin',
    syntax: 'global_plugin <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'raw',
    scope: 'global',
    duplicate: 'accumulates',
    since: '2.1.0',
    path: { kind: 'file', fatal: true },
    features: []
  },
  {
    name: 'http_dir',
    syntax: 'http_dir <directory>',
    args: [
      {
        name: 'dir',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error',
    since: '1.4.0',
    deprecated: {
      version: '2.1.0',
      replacement: 'protocol http_api listener',
      notice: false
    },
    listenerRequirement: 'listener',
    path: { kind: 'directory', fatal: true },
    features: [
      'websockets'
    ]
  },
  {
    name: 'idle_timeout',
    syntax: 'idle_timeout <seconds>',
    args: [
      {
        name: 'seconds',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '60 seconds',
    features: [
      'bridge'
    ]
  },
  {
    name: 'include_dir',
    syntax: 'include_dir <directory>',
    args: [
      {
        name: 'dir',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'raw',
    scope: 'structure',
    duplicate: 'accumulates',
    since: '1.4.0',
    features: []
  },
  {
    name: 'keepalive_interval',
    syntax: 'keepalive_interval <seconds>',
    args: [
      {
        name: 'seconds',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '60 seconds',
    ranges: [{ from: '2.0.0', max: 65535 }],
    features: [
      'bridge'
    ]
  },
  {
    name: 'keyfile',
    syntax: 'keyfile <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    path: { kind: 'file', fatal: true, tlsListener: true },
    features: [
      'tls'
    ]
  },
  {
    name: 'listener',
    syntax: 'listener <port> [<bind address/host | unix socket path>]',
    args: [
      {
        name: 'port',
        type: 'int',
        required: true,
      },
      {
        name: 'address',
        type: 'host-or-path',
        required: false
      }
    ],
    valueMode: 'tokens',
    scope: 'structure',
    duplicate: 'accumulates',
    since: '1.4.0',
    ranges: [{ from: '1.4.0', min: 1, max: 65535 }],
    features: []
  },
  {
    name: 'listener_allow_anonymous',
    syntax: 'listener_allow_anonymous [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '2.1.0',
    listenerRequirement: 'listener',
    default: 'the value of `allow_anonymous`',
    features: []
  },
  {
    name: 'listener_auto_id_prefix',
    syntax: 'listener_auto_id_prefix <prefix>',
    args: [
      {
        name: 'prefix',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error',
    since: '2.1.0',
    listenerRequirement: 'listener',
    default: '`auto-`',
    features: []
  },
  {
    name: 'local_cleansession',
    syntax: 'local_cleansession [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '2.0.0',
    default: 'the value of `cleansession`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'local_clientid',
    syntax: 'local_clientid <id>',
    args: [
      {
        name: 'id',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    default: '`local.<remote_clientid>`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'local_password',
    syntax: 'local_password <password>',
    args: [
      {
        name: 'password',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    features: [
      'bridge'
    ]
  },
  {
    name: 'local_username',
    syntax: 'local_username <username>',
    args: [
      {
        name: 'username',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    features: [
      'bridge'
    ]
  },
  {
    name: 'log_dest',
    syntax: 'log_dest <destination> [<file path>]',
    args: [
      {
        name: 'destination',
        type: 'enum',
        required: true,
        values: [
          'none',
          'syslog',
          'stdout',
          'stderr',
          'topic',
          'file',
          'dlt',
          'android'
        ]
      },
      {
        name: 'file',
        type: 'path',
        required: false
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'accumulates',
    since: '1.4.0',
    default: '`stderr` (a Windows service logs nowhere)',
    // 1.5.11 exits (silently, having nowhere to log) when it cannot open the log file; 1.6 and
    // later start and log elsewhere (checked with 1.5.11, 1.6.15, 2.0.11, 2.0.22, 2.1.2).
    path: { kind: 'parent', fatal: { before: '1.6.0' }, fromSecondToken: true, effect: 'the broker cannot write its log there' },
    valuesSince: { dlt: '2.0.0', android: '2.1.0' },
    buildOnlyValues: ['android'],
    platformNotes: [{ platforms: ['windows'], note: 'A Windows service cannot log to only `stdout` or only `stderr`, and logs nowhere by default.' }],
    features: []
  },
  {
    name: 'log_facility',
    syntax: 'log_facility <0-7>',
    args: [
      {
        name: 'facility',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: 'the daemon facility',
    ranges: [{ from: '1.4.0', min: 0, max: 7 }],
    platformNotes: [{ platforms: ['windows'], note: 'Not supported on Windows: the broker ignores it with a warning.' }],
    features: []
  },
  {
    name: 'log_timestamp',
    syntax: 'log_timestamp [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`true`',
    features: []
  },
  {
    name: 'log_timestamp_format',
    syntax: 'log_timestamp_format <strftime format>',
    args: [
      {
        name: 'format',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'global',
    duplicate: 'error',
    since: '1.6.0',
    default: 'seconds since the Unix epoch',
    features: []
  },
  {
    name: 'log_type',
    syntax: 'log_type <type>',
    args: [
      {
        name: 'type',
        type: 'enum',
        required: true,
        values: [
          'debug',
          'error',
          'warning',
          'notice',
          'information',
          'subscribe',
          'unsubscribe',
          'internal',
          'websockets',
          'none',
          'all'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'accumulates',
    since: '1.4.0',
    default: '`error`, `warning`, `notice` and `information`',
    emptyValueFatalSince: '2.1.0',
    valuesSince: { internal: '1.6.0' },
    features: []
  },
  {
    name: 'max_connections',
    syntax: 'max_connections <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    default: '-1 (no limit)',
    emptyValueFatalSince: '2.1.0',
    features: []
  },
  {
    name: 'max_inflight_bytes',
    syntax: 'max_inflight_bytes <bytes>',
    args: [
      {
        name: 'bytes',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.5.0',
    default: '0 (no limit)',
    emptyValueFatalSince: '2.0.0',
    features: []
  },
  {
    name: 'max_inflight_messages',
    syntax: 'max_inflight_messages <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '20',
    ranges: [{ from: '1.6.0', max: 65535 }],
    emptyValueFatalSince: '1.6.0',
    features: []
  },
  {
    name: 'max_keepalive',
    syntax: 'max_keepalive <seconds>',
    args: [
      {
        name: 'seconds',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.6.0',
    default: [{ since: '2.0.16', text: '0 (no limit)' }, { since: '1.6.0', text: '65535' }],
    ranges: [{ from: '1.6.0', until: '2.0.13', min: 10, max: 65535 }, { from: '2.0.13', min: 0, max: 65535 }],
    features: []
  },
  {
    name: 'max_log_entries',
    syntax: 'max_log_entries <value>',
    args: [
      {
        name: 'value',
        type: 'any',
        required: false
      }
    ],
    valueMode: 'ignored',
    scope: 'global',
    duplicate: 'accumulates',
    since: '1.4.0',
    removed: {
      version: '2.0.0',
      kind: 'unknown'
    },
    features: []
  },
  {
    name: 'max_packet_size',
    syntax: 'max_packet_size <bytes>',
    args: [
      {
        name: 'bytes',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.6.0',
    default: [{ since: '2.1.0', text: '2000000 bytes' }, { since: '1.6.0', text: '0 (no limit)' }],
    ranges: [{ from: '1.6.0', min: 20 }],
    features: []
  },
  {
    name: 'max_qos',
    syntax: 'max_qos <0-2>',
    args: [
      {
        name: 'qos',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '2.0.0',
    listenerRequirement: 'listener-or-default',
    default: '2',
    ranges: [{ from: '1.6.0', min: 0, max: 2 }],
    features: []
  },
  {
    name: 'max_queued_bytes',
    syntax: 'max_queued_bytes <bytes>',
    args: [
      {
        name: 'bytes',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.5.0',
    default: '0 (no limit)',
    emptyValueFatalSince: '2.0.0',
    features: []
  },
  {
    name: 'max_queued_messages',
    syntax: 'max_queued_messages <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: [{ since: '2.0.0', text: '1000' }, { since: '1.4.0', text: '100' }],
    emptyValueFatalSince: '2.0.0',
    features: []
  },
  {
    name: 'max_topic_alias',
    syntax: 'max_topic_alias <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.6.0',
    listenerRequirement: 'listener',
    default: '10',
    ranges: [{ from: '2.0.0', min: 0, max: 65535 }],
    emptyValueFatalSince: '2.0.0',
    features: []
  },
  {
    name: 'max_topic_alias_broker',
    syntax: 'max_topic_alias_broker <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '2.1.0',
    listenerRequirement: 'listener',
    default: '10',
    ranges: [{ from: '2.1.0', min: 0, max: 65535 }],
    features: []
  },
  {
    name: 'maximum_qos',
    aliasOf: 'max_qos',
    syntax: 'max_qos <0-2>',
    args: [
      {
        name: 'qos',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.6.0',
    listenerRequirement: 'listener-or-default',
    default: '2',
    ranges: [{ from: '1.6.0', min: 0, max: 2 }],
    features: []
  },
  {
    name: 'memory_limit',
    syntax: 'memory_limit <bytes>',
    args: [
      {
        name: 'bytes',
        type: 'int64',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.15',
    default: '0 (no limit)',
    ranges: [{ from: '1.5.0', min: 0 }],
    atoiIn2_1: true,
    features: []
  },
  {
    name: 'message_size_limit',
    syntax: 'message_size_limit <bytes>',
    args: [
      {
        name: 'bytes',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '0 (only MQTT\'s own limit)',
    ranges: [{ from: '1.5.0', min: 0, max: 268435455 }],
    features: []
  },
  {
    name: 'mount_point',
    syntax: 'mount_point <topic prefix>',
    args: [
      {
        name: 'prefix',
        type: 'topic',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    listenerRequirement: 'listener',
    features: []
  },
  {
    name: 'notification_topic',
    syntax: 'notification_topic <topic>',
    args: [
      {
        name: 'topic',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    default: '`$SYS/broker/connection/<remote_clientid>/state`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'notifications',
    syntax: 'notifications [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`true`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'notifications_local_only',
    syntax: 'notifications_local_only [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.5.0',
    default: '`false`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'packet_buffer_size',
    syntax: 'packet_buffer_size <bytes>',
    args: [
      {
        name: 'bytes',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '2.1.0',
    default: '4096',
    ranges: [{ from: '2.1.0', min: 0, max: 65535 }],
    features: []
  },
  {
    name: 'password',
    aliasOf: 'remote_password',
    syntax: 'remote_password <password>',
    args: [
      {
        name: 'password',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    deprecated: {
      version: '1.4.0',
      replacement: 'remote_password',
      notice: false
    },
    features: [
      'bridge'
    ]
  },
  {
    name: 'password_file',
    syntax: 'password_file <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'security',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    deprecated: {
      version: '2.1.0',
      replacement: 'the password-file plugin',
      notice: false
    },
    default: 'none',
    path: { kind: 'file', fatal: true },
    features: []
  },
  {
    name: 'per_listener_settings',
    syntax: 'per_listener_settings [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.5.0',
    deprecated: {
      version: '2.1.0',
      replacement: 'listener_allow_anonymous, listener_auto_id_prefix, plugin_load/plugin_use',
      notice: true
    },
    default: '`false`',
    features: []
  },
  {
    name: 'persistence',
    syntax: 'persistence [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`false`',
    features: []
  },
  {
    name: 'persistence_file',
    syntax: 'persistence_file <file name>',
    args: [
      {
        name: 'name',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'global',
    duplicate: 'error',
    since: '1.4.0',
    default: '`mosquitto.db`',
    features: []
  },
  {
    name: 'persistence_location',
    syntax: 'persistence_location <path>',
    args: [
      {
        name: 'path',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'global',
    duplicate: 'error',
    since: '1.4.0',
    default: 'the broker\'s working directory',
    // The database is written later (autosave, shutdown); start-up does not need the folder.
    path: { kind: 'directory', fatal: false, effect: 'the broker cannot save its persistence database there' },
    features: []
  },
  {
    name: 'persistent_client_expiration',
    syntax: 'persistent_client_expiration <duration>',
    args: [
      {
        name: 'duration',
        type: 'duration',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: 'never: persistent sessions do not expire',
    emptyValueFatalSince: '2.1.0',
    features: []
  },
  {
    name: 'pid_file',
    syntax: 'pid_file <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'global',
    duplicate: 'error',
    since: '1.4.0',
    default: 'none: no PID file is written',
    // A pid file that cannot be written stops 2.0 and later; 1.5.11 and 1.6.15 start without it.
    path: { kind: 'parent', fatal: { since: '2.0.0' }, effect: 'the broker runs without a pid file' },
    features: []
  },
  {
    name: 'plugin',
    syntax: 'plugin <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'raw',
    scope: 'security',
    duplicate: 'accumulates',
    since: '2.0.0',
    path: { kind: 'file', fatal: true },
    features: []
  },
  {
    name: 'plugin_load',
    syntax: 'plugin_load <name> <file path>',
    args: [
      {
        name: 'name',
        type: 'string',
        required: true
      },
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'tokens',
    scope: 'global',
    duplicate: 'accumulates',
    since: '2.1.0',
    features: []
  },
  {
    name: 'plugin_opt_*',
    prefix: 'plugin_opt_',
    syntax: 'plugin_opt_<key> <value>',
    args: [
      {
        name: 'key',
        type: 'string',
        required: true
      },
      {
        name: 'value',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'raw',
    scope: 'plugin',
    duplicate: 'accumulates',
    since: '2.0.0',
    features: []
  },
  {
    name: 'plugin_use',
    syntax: 'plugin_use <name>',
    args: [
      {
        name: 'name',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'accumulates',
    since: '2.1.0',
    listenerRequirement: 'explicit-listener',
    features: []
  },
  {
    name: 'port',
    syntax: 'port <port number>',
    args: [
      {
        name: 'port',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'default-listener',
    duplicate: 'last-wins',
    since: '1.4.0',
    deprecated: {
      version: '2.0.0',
      replacement: 'listener',
      notice: true
    },
    default: '1883',
    ranges: [{ from: '1.4.0', min: 1, max: 65535 }],
    features: []
  },
  {
    name: 'protocol',
    syntax: 'protocol <value>',
    args: [
      {
        name: 'protocol',
        type: 'enum',
        required: true,
        values: [
          'mqtt',
          'websockets',
          'http_api'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    default: '`mqtt`',
    emptyValueFatalSince: '2.1.0',
    valuesSince: { http_api: '2.1.0' },
    platformNotes: [{ platforms: ['windows'], note: '`websockets` on Windows binds beyond localhost only from 1.5.4, and usually needs `socket_domain ipv4` on the same listener.' }],
    features: []
  },
  {
    name: 'proxy_protocol_v2_require_tls',
    syntax: 'proxy_protocol_v2_require_tls [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '2.1.0',
    listenerRequirement: 'listener',
    default: '`false`',
    features: [
      'websockets'
    ]
  },
  {
    name: 'psk_file',
    syntax: 'psk_file <file path>',
    args: [
      {
        name: 'file',
        type: 'path',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'security',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    path: { kind: 'file', fatal: true },
    features: [
      'tls-psk'
    ]
  },
  {
    name: 'psk_hint',
    syntax: 'psk_hint <hint>',
    args: [
      {
        name: 'hint',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    features: [
      'tls-psk'
    ]
  },
  {
    name: 'queue_qos0_messages',
    syntax: 'queue_qos0_messages [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`false`',
    features: []
  },
  {
    name: 'remote_clientid',
    syntax: 'remote_clientid <id>',
    args: [
      {
        name: 'id',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    default: '`<hostname>.<connection name>`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'remote_password',
    syntax: 'remote_password <password>',
    args: [
      {
        name: 'password',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    features: [
      'bridge'
    ]
  },
  {
    name: 'remote_username',
    syntax: 'remote_username <username>',
    args: [
      {
        name: 'username',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    features: [
      'bridge'
    ]
  },
  {
    name: 'require_certificate',
    syntax: 'require_certificate [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    default: '`false`',
    features: [
      'tls'
    ]
  },
  {
    name: 'restart_timeout',
    syntax: 'restart_timeout <constant> | restart_timeout <base> <cap> [<stable>]',
    args: [
      {
        name: 'base_or_constant',
        type: 'int',
        required: true
      },
      {
        name: 'cap',
        type: 'int',
        required: false
      },
      {
        name: 'stable',
        type: 'int',
        required: false
      }
    ],
    valueMode: 'tokens',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: [{ since: '1.6.0', text: '`5 30`: a randomised backoff from 5 up to 30 seconds' }, { since: '1.4.0', text: '30 seconds' }],
    atoiIn2_1: true,
    features: [
      'bridge'
    ]
  },
  {
    name: 'retain_available',
    syntax: 'retain_available [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.6.0',
    default: '`true`',
    features: []
  },
  {
    name: 'retain_expiry_interval',
    syntax: 'retain_expiry_interval <minutes>',
    args: [
      {
        name: 'minutes',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '2.0.21',
    default: 'off',
    ranges: [{ from: '2.0.21', min: 1 }],
    features: []
  },
  {
    name: 'retained_persistence',
    aliasOf: 'persistence',
    syntax: 'persistence [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`false`',
    features: []
  },
  {
    name: 'retry_interval',
    syntax: 'retry_interval <seconds>',
    args: [
      {
        name: 'seconds',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'ignored',
    scope: 'global',
    duplicate: 'accumulates',
    since: '1.4.0',
    removed: {
      version: '1.5.0',
      kind: 'ignored'
    },
    default: '20 seconds (used by 1.4 only)',
    ranges: [{ from: '1.4.0', until: '1.5.0', min: 1, max: 3600 }],
    features: []
  },
  {
    name: 'round_robin',
    syntax: 'round_robin [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`false`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'set_tcp_nodelay',
    syntax: 'set_tcp_nodelay [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.5.0',
    default: '`false`',
    features: []
  },
  {
    name: 'socket_domain',
    syntax: 'socket_domain [ ipv4 | ipv6 ]',
    args: [
      {
        name: 'domain',
        type: 'enum',
        required: true,
        values: [
          'ipv4',
          'ipv6'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.5.5',
    listenerRequirement: 'listener-or-default',
    default: 'both IPv4 and IPv6',
    platformNotes: [{ platforms: ['windows'], note: 'Windows websockets listeners have been seen binding to IPv6 only; `socket_domain ipv4` makes them reachable over IPv4.' }],
    features: []
  },
  {
    name: 'start_type',
    syntax: 'start_type [ automatic | lazy | once ]',
    args: [
      {
        name: 'type',
        type: 'enum',
        required: true,
        values: [
          'automatic',
          'lazy',
          'once'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`automatic`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'store_clean_interval',
    syntax: 'store_clean_interval <seconds>',
    args: [
      {
        name: 'seconds',
        type: 'any',
        required: false
      }
    ],
    valueMode: 'ignored',
    scope: 'global',
    duplicate: 'accumulates',
    since: '1.4.0',
    removed: {
      version: '2.0.0',
      kind: 'unknown'
    },
    features: []
  },
  {
    name: 'sys_interval',
    syntax: 'sys_interval <seconds>',
    args: [
      {
        name: 'seconds',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '10 seconds',
    ranges: [{ from: '1.4.0', min: 0, max: 65535 }],
    features: []
  },
  {
    name: 'threshold',
    syntax: 'threshold <count>',
    args: [
      {
        name: 'count',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '10',
    features: [
      'bridge'
    ]
  },
  {
    name: 'tls_engine',
    syntax: 'tls_engine <engine>',
    args: [
      {
        name: 'engine',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error',
    since: '1.6.0',
    listenerRequirement: 'listener-or-default',
    features: [
      'tls'
    ]
  },
  {
    name: 'tls_engine_kpass_sha1',
    syntax: 'tls_engine_kpass_sha1 <hex sha1>',
    args: [
      {
        name: 'sha1',
        type: 'hex',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error-before-2.1',
    since: '1.6.0',
    listenerRequirement: 'listener-or-default',
    features: [
      'tls'
    ]
  },
  {
    name: 'tls_keyform',
    syntax: 'tls_keyform [ pem | engine ]',
    args: [
      {
        name: 'form',
        type: 'enum',
        required: true,
        values: [
          'pem',
          'engine'
        ]
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.6.0',
    listenerRequirement: 'listener-or-default',
    default: '`pem`',
    invalidValueEffect: 'the broker silently treats anything but `engine` as `pem`',
    features: [
      'tls'
    ]
  },
  {
    name: 'tls_version',
    syntax: 'tls_version <version>',
    args: [
      {
        name: 'version',
        type: 'enum',
        required: true,
        values: [
          'tlsv1.3',
          'tlsv1.2',
          'tlsv1.1',
          'tlsv1'
        ]
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'error',
    since: '1.4.0',
    listenerRequirement: 'listener',
    default: [{ since: '2.0.16', text: 'TLS 1.2 and 1.3' }, { since: '1.6.0', text: 'TLS 1.1 and newer' }, { since: '1.4.0', text: 'TLS 1.0 and newer' }],
    valuesSince: { 'tlsv1.3': '1.6.0' },
    valuesUntil: { tlsv1: '1.6.0' },
    features: [
      'tls'
    ]
  },
  {
    name: 'topic',
    syntax: 'topic <pattern> [[[ out | in | both ] <qos>] <local-prefix> <remote-prefix>]',
    args: [
      {
        name: 'pattern',
        type: 'topic-filter',
        required: true
      },
      {
        name: 'direction',
        type: 'enum',
        required: false,
        values: [
          'out',
          'in',
          'both'
        ]
      },
      {
        name: 'qos',
        type: 'int',
        required: false,
      },
      {
        name: 'local_prefix',
        type: 'topic',
        required: false
      },
      {
        name: 'remote_prefix',
        type: 'topic',
        required: false
      }
    ],
    valueMode: 'tokens',
    scope: 'bridge',
    duplicate: 'accumulates',
    since: '1.4.0',
    features: [
      'bridge'
    ]
  },
  {
    name: 'trace_level',
    syntax: 'trace_level <value>',
    args: [
      {
        name: 'value',
        type: 'any',
        required: false
      }
    ],
    valueMode: 'ignored',
    scope: 'global',
    duplicate: 'accumulates',
    since: '1.4.0',
    removed: {
      version: '2.0.0',
      kind: 'unknown'
    },
    features: []
  },
  {
    name: 'trace_output',
    syntax: 'trace_output <value>',
    args: [
      {
        name: 'value',
        type: 'any',
        required: false
      }
    ],
    valueMode: 'ignored',
    scope: 'global',
    duplicate: 'accumulates',
    since: '1.4.0',
    removed: {
      version: '2.0.0',
      kind: 'unknown'
    },
    features: []
  },
  {
    name: 'try_private',
    syntax: 'try_private [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'bridge',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`true`',
    features: [
      'bridge'
    ]
  },
  {
    name: 'upgrade_outgoing_qos',
    syntax: 'upgrade_outgoing_qos [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '`false`',
    features: []
  },
  {
    name: 'use_identity_as_username',
    syntax: 'use_identity_as_username [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    default: '`false`',
    features: [
      'tls'
    ]
  },
  {
    name: 'use_subject_as_username',
    syntax: 'use_subject_as_username [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.5.0',
    listenerRequirement: 'listener-or-default',
    default: '`false`',
    features: [
      'tls'
    ]
  },
  {
    name: 'use_username_as_clientid',
    syntax: 'use_username_as_clientid [ true | false ]',
    args: [
      {
        name: 'value',
        type: 'bool',
        required: true,
        values: [
          'true',
          'false',
          '1',
          '0'
        ]
      }
    ],
    valueMode: 'token',
    scope: 'listener',
    duplicate: 'last-wins',
    since: '1.4.0',
    listenerRequirement: 'listener-or-default',
    default: '`false`',
    features: []
  },
  {
    name: 'user',
    syntax: 'user <username>',
    args: [
      {
        name: 'username',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'global',
    duplicate: 'error-before-2.1',
    since: '1.4.0',
    default: '`mosquitto`',
    platformNotes: [{ platforms: ['windows'], note: 'Has no effect on Windows.' }],
    features: []
  },
  {
    name: 'username',
    aliasOf: 'remote_username',
    syntax: 'remote_username <username>',
    args: [
      {
        name: 'username',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'bridge',
    duplicate: 'error',
    since: '1.4.0',
    deprecated: {
      version: '1.4.0',
      replacement: 'remote_username',
      notice: false
    },
    features: [
      'bridge'
    ]
  },
  {
    name: 'websockets_headers_size',
    aliasOf: 'packet_buffer_size',
    syntax: 'packet_buffer_size <bytes>',
    args: [
      {
        name: 'bytes',
        type: 'int',
        required: true,
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.6.0',
    default: [{ since: '2.1.0', text: '4096' }, { since: '1.6.0', text: '0 (the libwebsockets default, 1024)' }],
    ranges: [{ from: '2.0.0', min: 0, max: 65535 }],
    features: [
      'websockets'
    ]
  },
  {
    name: 'websockets_log_level',
    syntax: 'websockets_log_level <level>',
    args: [
      {
        name: 'level',
        type: 'int',
        required: true
      }
    ],
    valueMode: 'token',
    scope: 'global',
    duplicate: 'last-wins',
    since: '1.4.0',
    default: '0',
    features: [
      'websockets'
    ]
  },
  {
    name: 'websockets_origin',
    syntax: 'websockets_origin <origin>',
    args: [
      {
        name: 'origin',
        type: 'string',
        required: true
      }
    ],
    valueMode: 'string',
    scope: 'listener',
    duplicate: 'accumulates',
    since: '2.1.0',
    listenerRequirement: 'listener',
    default: 'any origin',
    features: [
      'websockets'
    ]
  }
] as const satisfies readonly DirectiveSpec[];

/**
 * Every directive name of the catalogue (families by their pattern, e.g. `plugin_opt_*`).
 * Tables and rules that name directives use this type, so a misspelt name fails to compile.
 */
export type DirectiveName = (typeof CATALOGUE)[number]['name'];

export const DIRECTIVES: readonly DirectiveSpec[] = CATALOGUE;
