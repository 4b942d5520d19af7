import type { DirectiveName } from './catalogue';
/**
 * Hand-written hover/completion documentation for every mosquitto.conf
 * directive known to mosquitto 1.4–2.1 (one entry per `name` in the
 * reference catalogue, including aliases, prefix families and removed
 * keywords).
 *
 * The facts come from the project's reference notes; the wording is our own.
 * Keep entries short: operators read these in a hover.
 */

/** Hand-written documentation for one directive, shown in hover and completion. */
export interface DirectiveDoc {
  /** One sentence: what the directive does. */
  summary: string;
  /** 1–4 short sentences: behaviour worth knowing (what the value means, interactions, pitfalls, version changes). Markdown allowed (backticks), no headings. */
  details?: string;
  /** For enum-like values: value -> one-line explanation. */
  values?: Record<string, string>;
  /** A one-line realistic example of the directive as it would appear in mosquitto.conf. */
  example: string;
}

export const DIRECTIVE_DOCS: Readonly<Record<string, DirectiveDoc>> = {
  accept_protocol_versions: {
    summary: 'Lets the current listener turn away clients whose MQTT version is not on this list.',
    details:
      'List `3`, `4` and/or `5`, separated by commas or spaces. Needs a real `listener` line above it; the implicit default listener from `port` or `bind_address` is not enough. Unknown items are dropped silently, so a list with no valid item leaves the listener refusing every client. New in 2.1.0.',
    values: {
      '3': 'MQTT v3.1.',
      '4': 'MQTT v3.1.1.',
      '5': 'MQTT v5.0.',
    },
    example: 'accept_protocol_versions 4,5',
  },
  acl_file: {
    summary: 'Loads a file that decides which topics each client may read and write.',
    details:
      'Without it (and without an access-control plugin) no topic restrictions apply. The file is opened only when the broker starts, so a wrong path stops the broker instead of failing the config check; the path runs to the end of the line, so a trailing `# comment` becomes part of it. Global unless `per_listener_settings true` appears earlier. Deprecated in 2.1 in favour of the acl-file plugin.',
    example: 'acl_file /etc/mosquitto/aclfile',
  },
  address: {
    summary: 'Sets the remote broker host, with an optional port, that this bridge connects to.',
    details:
      'Write `host` or `host:port` (port 1883 if omitted); extra entries separated by spaces serve as fallbacks, or as equals with `round_robin true`. The port is split off at the last colon, so an IPv6 address needs an explicit port and must not be wrapped in brackets. Only one `address` line is allowed per bridge. A host name that does not resolve only produces a warning.',
    example: 'address broker.example.com:8883',
  },
  addresses: {
    summary: 'Alternative spelling of `address`: the remote broker host(s) for this bridge.',
    details:
      'Works exactly like `address`, including the limit of one such line per bridge. It exists for compatibility with RSMB configurations; prefer `address`.',
    example: 'addresses 10.0.0.5:1883 10.0.0.6:1883',
  },
  allow_anonymous: {
    summary: 'Controls whether a client may log in without giving a username.',
    details:
      'The default changed in 2.0: once any `listener`, `port` or `bind_address` is configured it is `false`, so without a password file or auth plugin every client is turned away; only in local-only mode (no listener at all) is it `true`. In 1.5 and 1.6 it defaulted to `true` unless a password file, PSK file or authenticating plugin was set, and 1.4 always defaulted to `true`. Applies to every listener unless `per_listener_settings true` comes earlier; in 2.1 use `listener_allow_anonymous` for per-listener control.',
    example: 'allow_anonymous false',
  },
  allow_duplicate_messages: {
    summary: "When several of a client's subscriptions match one message, decides whether it gets a copy per match or just one.",
    details:
      'Deprecated since 2.0: every use prints a notice, and the behaviour will be fixed to `true`. The default is `true` from 2.1; older code used `false`, although the 2.0 manual says otherwise.',
    example: 'allow_duplicate_messages true',
  },
  allow_zero_length_clientid: {
    summary: 'Decides whether a client may leave its client id blank and get one made up by the broker.',
    details:
      'On by default. Generated ids begin with `auto_id_prefix` (`auto-` unless changed). It is one of the security settings, so with `per_listener_settings true` it is set per listener and must come after that line.',
    example: 'allow_zero_length_clientid false',
  },
  'auth_opt_*': {
    summary: 'Older prefix for handing a `key value` setting to the plugin loaded above it.',
    details:
      'Same as `plugin_opt_*`: the text after `auth_opt_` is the key (at least 3 characters) and the value is the rest of the line, trailing spaces and any `# comment` included. Since 1.5 it needs an `auth_plugin` or `plugin` line earlier in the same file. Plugin options are not re-read on reload.',
    example: 'auth_opt_backends files',
  },
  auth_plugin: {
    summary: 'Older name of `plugin`: loads a library that handles authentication and access checks.',
    details:
      'Behaves like `plugin`; the manual has listed this spelling as deprecated since 2.0.12, but the broker prints no notice. 1.4 allows only one, always global. The library is loaded at startup, so a bad path only shows up then.',
    example: 'auth_plugin /usr/lib/mosquitto/go-auth.so',
  },
  auth_plugin_deny_special_chars: {
    summary: 'When on, access checks for clients whose username or client id contains `+` or `#` are denied without consulting the plugin.',
    details:
      'On by default. Leave it on unless the plugin copes with wildcard characters in usernames and client ids by itself. Since 1.5 it belongs to the last plugin line above it and is an error when there is none.',
    example: 'auth_plugin_deny_special_chars true',
  },
  auto_id_prefix: {
    summary: 'Prefix for client ids the broker invents for clients that connect without one.',
    details:
      'Defaults to `auto-` since 1.6. Limited to 50 characters in 2.0.23 and 2.1. Deprecated in 2.1 with a notice: use `listener_auto_id_prefix`; a global value is copied to listeners that have none of their own.',
    example: 'auto_id_prefix gen-',
  },
  autosave_interval: {
    summary: 'How often, in seconds, the broker saves its in-memory state to the persistence file.',
    details:
      'Only matters with `persistence true`. Default 1800; `0` saves only at shutdown (or on SIGUSR1), and negative numbers count as 0. With `autosave_on_changes true` the number is a count of changes instead of seconds.',
    example: 'autosave_interval 300',
  },
  autosave_on_changes: {
    summary: 'Turns `autosave_interval` from a time period into a number of changes.',
    details: 'Off by default. When on, the database is saved each time that many changes have accumulated.',
    example: 'autosave_on_changes true',
  },
  bind_address: {
    summary: 'Chooses the address or host name on which the implicit `port` listener accepts connections.',
    details:
      'It always changes the implicit default listener that `port` configures, even when written after a `listener` line, and never that listener; write `listener <port> <address>` instead. Deprecated since 2.0 with a notice. It also ends local-only mode, after which anonymous clients are refused by default. A name that cannot be resolved stops the broker.',
    example: 'bind_address 127.0.0.1',
  },
  bind_interface: {
    summary: 'Ties the current listener to a single network interface, such as `eth0`, rather than to an address.',
    details:
      'Relies on SO_BINDTODEVICE, so it works on Linux only; on other systems the broker refuses to start. The interface is only looked up when the listener opens. Place it after the `listener` line it belongs to.',
    example: 'bind_interface eth0',
  },
  bridge_alpn: {
    summary: 'ALPN protocol name the bridge offers during its TLS handshake.',
    details: 'Some cloud endpoints serve several protocols on one TLS port and pick the service by ALPN. Needs TLS on the bridge.',
    example: 'bridge_alpn x-amzn-mqtt-ca',
  },
  bridge_attempt_unsubscribe: {
    summary: 'Whether the bridge unsubscribes on the remote broker from topics it only sends out.',
    details:
      'On by default, which clears subscriptions left behind on the remote side by earlier sessions. Turn it off if the remote broker objects to these unsubscribe requests.',
    example: 'bridge_attempt_unsubscribe false',
  },
  bridge_bind_address: {
    summary: 'Local IP address the bridge binds its outgoing socket to.',
    details:
      'Useful on hosts with several interfaces or addresses. Up to 2.1.2 it has no effect in broker builds compiled without TLS, which only log a warning.',
    example: 'bridge_bind_address 192.168.1.10',
  },
  bridge_cafile: {
    summary: 'CA certificate file for checking the remote broker, which also switches the bridge to TLS.',
    details:
      'Any one of `bridge_cafile`, `bridge_capath`, `bridge_psk` or (2.1) `bridge_tls_use_os_certs` switches a bridge to TLS; a `bridge_certfile` on its own does not. Cannot be combined with `bridge_identity`/`bridge_psk` on the same bridge. The path runs to the end of the line, so keep comments on their own line.',
    example: 'bridge_cafile /etc/mosquitto/certs/remote-ca.crt',
  },
  bridge_capath: {
    summary: 'Folder of trusted CA certificates for checking the remote broker; setting it turns on TLS for the bridge.',
    details:
      'Alternative to `bridge_cafile`. OpenSSL looks certificates up by hashed file names, so run `openssl rehash` on the folder. Cannot be combined with PSK options on the same bridge.',
    example: 'bridge_capath /etc/ssl/certs',
  },
  bridge_certfile: {
    summary: 'Certificate the bridge uses to prove its identity to the remote broker.',
    details:
      'Needs `bridge_keyfile` too; the parser does not check that both are present. It does not enable TLS by itself: also set `bridge_cafile`, `bridge_capath` or `bridge_tls_use_os_certs`. Cannot be combined with PSK options on the same bridge.',
    example: 'bridge_certfile /etc/mosquitto/certs/bridge.crt',
  },
  bridge_ciphers: {
    summary: 'OpenSSL cipher list the bridge allows for TLS 1.2 and older.',
    details: 'Colon-separated OpenSSL syntax. TLS 1.3 suites are chosen with `bridge_ciphers_tls1.3`. New in 2.1.',
    example: 'bridge_ciphers ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384',
  },
  'bridge_ciphers_tls1.3': {
    summary: 'TLS 1.3 ciphersuites the bridge may use.',
    details: 'Colon-separated list. Older TLS versions are governed by `bridge_ciphers`. New in 2.1.',
    example: 'bridge_ciphers_tls1.3 TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
  },
  bridge_identity: {
    summary: 'Identity the bridge presents when it connects with TLS-PSK.',
    details:
      'Must be paired with `bridge_psk`; one without the other fails the config check. Cannot be mixed with certificate options on the same bridge. Needs a broker built with TLS-PSK support.',
    example: 'bridge_identity site-a',
  },
  bridge_insecure: {
    summary: "Turns off the host-name check on the remote broker's TLS certificate.",
    details:
      'Meant for testing only: with `true` anyone able to intercept the connection can pose as the remote broker, and the broker logs a warning. Fix the certificate or the `address` host name instead.',
    example: 'bridge_insecure false',
  },
  bridge_keyfile: {
    summary: 'Private key that goes with `bridge_certfile`.',
    details:
      'Certificate login needs both files; the parser does not enforce the pair. Keep the key readable only by the broker account. Cannot be combined with PSK options on the same bridge.',
    example: 'bridge_keyfile /etc/mosquitto/certs/bridge.key',
  },
  bridge_max_packet_size: {
    summary: 'Upper size limit, in bytes, for packets this bridge forwards to the remote broker.',
    details: 'Default 0 means no limit; negative numbers count as 0. Set it when the remote broker rejects large packets.',
    example: 'bridge_max_packet_size 262144',
  },
  bridge_max_topic_alias: {
    summary: 'How many topic aliases the remote broker may set up on an MQTT v5 bridge.',
    details: 'Range 0–65535, default 10. Only matters with `bridge_protocol_version mqttv50`. New in 2.1.',
    example: 'bridge_max_topic_alias 20',
  },
  bridge_outgoing_retain: {
    summary: 'Whether messages the bridge publishes to the remote broker keep their retain flag.',
    details: 'On by default. With `false` the flag is cleared on everything sent out, which helps when the remote side does not accept retained messages.',
    example: 'bridge_outgoing_retain false',
  },
  bridge_protocol_version: {
    summary: 'MQTT protocol version the bridge uses towards the remote broker.',
    details:
      'Default `mqttv311` (1.4 used `mqttv31`). The value is the whole rest of the line compared as-is, so trailing spaces or a `# comment` make it invalid.',
    values: {
      mqttv31: 'MQTT 3.1.',
      mqttv311: 'MQTT 3.1.1 (default).',
      mqttv50: 'MQTT 5.0; available from 2.0.',
    },
    example: 'bridge_protocol_version mqttv311',
  },
  bridge_psk: {
    summary: 'Pre-shared key, written in hex, for a TLS-PSK bridge.',
    details: 'Must be paired with `bridge_identity`. Setting it enables TLS on the bridge, and certificate options may not be used alongside it.',
    example: 'bridge_psk 1a2b3c4d5e6f7a8b9c0d',
  },
  bridge_receive_maximum: {
    summary: 'Caps unacknowledged QoS 1 and 2 messages in flight on an MQTT v5 bridge (the v5 Receive Maximum).',
    details: 'Range 1–65535. When unset, the manual says `max_inflight_messages` is used. New in 2.1.',
    example: 'bridge_receive_maximum 100',
  },
  bridge_reload_type: {
    summary: 'When changed settings of this bridge take effect after the configuration is reloaded.',
    details: 'New in 2.1.',
    values: {
      lazy: 'Use the new settings at the next reconnect (default).',
      immediate: 'Reconnect straight away with the new settings.',
    },
    example: 'bridge_reload_type immediate',
  },
  bridge_require_ocsp: {
    summary: 'Makes the bridge insist on a valid OCSP certificate-status response from the remote broker.',
    details: 'Off by default. Needs TLS on the bridge; the connection fails when no acceptable status response arrives.',
    example: 'bridge_require_ocsp true',
  },
  bridge_session_expiry_interval: {
    summary: 'Session expiry, in seconds, the bridge asks for when it connects with MQTT v5.',
    details:
      'Default 0: the remote session ends with the connection. Accepted range is 0–2147483647, so the "never expires" value `4294967295` (`0xFFFFFFFF`) that the manual mentions fails the range check. New in 2.1.',
    example: 'bridge_session_expiry_interval 3600',
  },
  bridge_tcp_keepalive: {
    summary: 'Has the operating system send TCP keepalive probes on the bridge connection, with custom timings.',
    details: 'Takes three positive whole numbers: `<idle> <interval> <count>`. Off by default. New in 2.1.',
    example: 'bridge_tcp_keepalive 60 10 5',
  },
  bridge_tcp_user_timeout: {
    summary: 'TCP user timeout, in milliseconds, for the bridge socket.',
    details:
      'Limits how long sent data may stay unacknowledged before the connection is dropped; must be 0 or more. Needs TCP_USER_TIMEOUT support (Linux); elsewhere the line is ignored with a warning. New in 2.1.',
    example: 'bridge_tcp_user_timeout 30000',
  },
  bridge_tls_use_os_certs: {
    summary: "Lets the bridge trust the operating system's CA store, and turns on TLS for it.",
    details: 'Convenient for remote brokers whose certificates come from a public CA, because no `bridge_cafile` is then needed. New in 2.1.',
    example: 'bridge_tls_use_os_certs true',
  },
  bridge_tls_version: {
    summary: 'TLS protocol version the bridge uses.',
    details:
      'The value is not validated until the bridge actually connects, so a typo is not reported at startup. 2.1 accepts `tlsv1.3` and `tlsv1.2`; 1.6–2.0 also accept `tlsv1.1`.',
    values: {
      'tlsv1.3': 'TLS 1.3.',
      'tlsv1.2': 'TLS 1.2.',
    },
    example: 'bridge_tls_version tlsv1.2',
  },
  cafile: {
    summary: 'Trusted CA certificates, in one PEM file, against which this listener checks client certificates.',
    details:
      'Since 2.0 `certfile` plus `keyfile` switch TLS on; `cafile` alone no longer does, and 2.0.21+ rejects it without them. In 1.x an MQTT listener only used TLS when a CA, `certfile` and `keyfile` were all set and otherwise quietly ran unencrypted; a websockets listener used `certfile` and `keyfile` without a CA. In 2.1 it must follow a `listener` line. The path runs to the end of the line, so keep comments on their own line.',
    example: 'cafile /etc/mosquitto/ca_certificates/ca.crt',
  },
  capath: {
    summary: 'Folder of CA certificates for verifying client certificates on this listener.',
    details:
      'Alternative to `cafile`; OpenSSL needs hashed file names, so run `openssl rehash` on the folder. Like `cafile`, it does not enable TLS by itself, and 2.0.21+ rejects it without `certfile` and `keyfile`.',
    example: 'capath /etc/mosquitto/ca_certificates',
  },
  certfile: {
    summary: 'PEM server certificate that turns on TLS for the current listener.',
    details:
      'Needs `keyfile` as well; since 2.0.21 one without the other is rejected. Before 2.0 an MQTT listener also needs `cafile` or `capath` to use it; a websockets listener does not. The path runs to the end of the line, so a trailing `# comment` ends up in the file name. Not allowed after `psk_hint` on the same listener or with `enable_proxy_protocol 2`. The file is read again on reload (SIGHUP), which helps with certificate renewal.',
    example: 'certfile /etc/mosquitto/certs/server.crt',
  },
  check_retain_source: {
    summary: 'Before handing out a retained message, confirms that whoever published it may still publish on that topic.',
    details:
      'Useful after taking ACL rights away from a client, so its old retained messages stop being served. Out of the box it is off, even though the manual describes it as on by default. In 1.5.6–2.0 it is one of the settings that `per_listener_settings` has to precede.',
    example: 'check_retain_source true',
  },
  ciphers: {
    summary: 'OpenSSL cipher list allowed on this listener for TLS 1.2 and older, PSK included.',
    details: 'Colon-separated OpenSSL syntax; a bad list only fails when the listener starts. TLS 1.3 suites are chosen with `ciphers_tls1.3`.',
    example: 'ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256',
  },
  'ciphers_tls1.3': {
    summary: 'TLS 1.3 ciphersuites allowed on this listener.',
    details:
      'Colon-separated list; a bad list only fails when the listener starts. Builds without support (for example with an old LibreSSL) ignore it with a warning.',
    example: 'ciphers_tls1.3 TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384',
  },
  cleansession: {
    summary: 'Clean-session flag the bridge sends when it connects to the remote broker.',
    details:
      "Default `false`: the remote broker keeps the bridge's subscriptions and queued messages between connections, which can leave stale subscriptions behind after `topic` lines change. With `true`, messages published while the bridge is down can be lost. Use `local_cleansession` to set the local side separately.",
    example: 'cleansession true',
  },
  clientid: {
    summary: 'Older name of `remote_clientid`: the id this bridge identifies itself with on the remote broker.',
    details: 'Shares one setting with `remote_clientid`, so giving both is a duplicate error. Default `<hostname>.<connection name>`.',
    example: 'clientid site-a-bridge',
  },
  clientid_prefixes: {
    summary: 'Refuses clients whose client id does not begin with the given text.',
    details: 'Deprecated since 2.0, with a notice on every use. It is weak protection, because clients pick their own ids; use authentication instead.',
    example: 'clientid_prefixes sensor-',
  },
  connection: {
    summary: 'Opens a new bridge section and names the bridge.',
    details:
      'All bridge options that follow belong to this bridge up to the next `connection` line, regardless of any `listener` lines in between. Names must be unique, and every bridge needs an `address` and at least one `topic`. A file read through `include_dir` needs its own `connection` line before any bridge option.',
    example: 'connection cloud-bridge',
  },
  connection_messages: {
    summary: 'Logs a line each time a client connects or disconnects.',
    details: 'On by default. Turn it off to keep logs of busy brokers short.',
    example: 'connection_messages false',
  },
  crlfile: {
    summary: 'Certificate revocation list used to turn away revoked client certificates on this listener.',
    details:
      'Only relevant when client certificates are verified (`require_certificate true` with `cafile` or `capath`). A file that cannot be loaded fails when the listener starts.',
    example: 'crlfile /etc/mosquitto/ca_certificates/crl.pem',
  },
  dhparamfile: {
    summary: 'Diffie-Hellman parameter file for DHE key exchange on this listener.',
    details: 'Used by 1.6–2.0 only. 2.1 ignores the value and logs a warning that it is no longer needed, so the line can go.',
    example: 'dhparamfile /etc/mosquitto/certs/dhparam.pem',
  },
  disable_client_cert_date_checks: {
    summary: 'Accepts client certificates even when they have expired or are not valid yet.',
    details:
      'Off by default. This weakens certificate checking; reserve it for devices whose clock or certificate cannot be fixed. New in 2.1; must follow a `listener` line.',
    example: 'disable_client_cert_date_checks true',
  },
  enable_control_api: {
    summary: "Turns on the broker's built-in request topic `$CONTROL/broker/v1`.",
    details:
      'Off by default. Restrict access to `$CONTROL` topics with ACLs before turning it on. New in 2.1; builds without $CONTROL support ignore it with a warning.',
    example: 'enable_control_api true',
  },
  enable_proxy_protocol: {
    summary: 'Expects every connection on this listener to start with a PROXY protocol header from a load balancer.',
    details:
      'Lets the broker see real client addresses behind HAProxy and similar proxies; connections that arrive without the header will fail. With `2`, `certfile`/`keyfile` and `use_subject_as_username` are not allowed on the listener, so TLS must end at the proxy. Not available in libwebsockets builds. New in 2.1; must follow a `listener` line.',
    values: {
      '1': 'PROXY protocol version 1 (text header).',
      '2': 'PROXY protocol version 2 (binary header).',
    },
    example: 'enable_proxy_protocol 2',
  },
  ffdc_output: {
    summary: 'Keyword carried over from RSMB configurations; mosquitto never gave it any effect.',
    details: 'Accepted with a warning by 1.4–1.6. From 2.0 it is an unknown option and the broker refuses to start, so delete the line.',
    example: 'ffdc_output /var/log/rsmb',
  },
  global_max_clients: {
    summary: 'Upper limit on client sessions in the whole broker, counting disconnected persistent sessions too.',
    details: 'Default `-1` means no limit. New in 2.1. See `global_max_connections` for connected clients only and `max_connections` for one listener.',
    example: 'global_max_clients 10000',
  },
  global_max_connections: {
    summary: 'Upper limit on clients connected at the same time across all listeners.',
    details: 'Default `-1` means no limit. New in 2.1. `max_connections` sets a limit for a single listener.',
    example: 'global_max_connections 5000',
  },
  global_plugin: {
    summary: 'Loads a plugin for every listener, whatever `per_listener_settings` says.',
    details:
      'Handled before per-listener plugins; configure it with `plugin_opt_*` lines right after it. Since 2.1.1 the path is the raw rest of the line, so trailing blanks or a comment become part of it. New in 2.1.',
    example: 'global_plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
  },
  http_dir: {
    summary: 'Folder of static files this listener serves over plain HTTP.',
    details:
      'In 1.4–2.0 it is used on websockets listeners. In 2.1 it is meant for `protocol http_api` listeners and libwebsockets builds (the manual plans to drop the websockets use in 3.0), and the folder must exist or parsing fails. Everything in the folder becomes public, so keep secrets out of it.',
    example: 'http_dir /var/www/mqtt',
  },
  idle_timeout: {
    summary: 'Seconds a lazy bridge may sit unused before it disconnects.',
    details: 'Only used with `start_type lazy`. Default 60; values below 1 are raised to 1.',
    example: 'idle_timeout 300',
  },
  include_dir: {
    summary: 'Reads every `.conf` file in a folder as extra configuration, at the position of this line.',
    details:
      'Files ending in `.conf` are loaded in sorted order (since 1.5.7); other names are skipped. Each file starts without a current listener, bridge or plugin, so it needs its own `listener` or `connection` lines. Only valid in the main config file (2.1 reports an error elsewhere, older versions skip it), and the path is used verbatim, so trailing spaces break it. Keep the main config file out of that folder or it is read twice.',
    example: 'include_dir /etc/mosquitto/conf.d',
  },
  keepalive_interval: {
    summary: 'Keepalive period, in seconds, that the bridge announces when connecting to the remote broker.',
    details: 'Default 60. Values below 5 are raised to 5, and values above 65535 are rejected (2.0+).',
    example: 'keepalive_interval 30',
  },
  keyfile: {
    summary: 'Private key belonging to `certfile` for TLS on the current listener.',
    details:
      "Needs `certfile`; since 2.0.21 one without the other is rejected. Since 2.0 the broker drops privileges before loading it, so the key must be readable by the `user` account (a common problem with root-only Let's Encrypt keys). With `tls_keyform engine` the value names a key inside the TLS engine instead of a file.",
    example: 'keyfile /etc/mosquitto/certs/server.key',
  },
  listener: {
    summary: 'Opens a listening port (or Unix socket) and starts the section for its options.',
    details:
      'Listener options below it apply to this listener until the next `listener` line. The optional second value is a bind address or host name, or, with port `0` (2.0+), a Unix socket path. From 2.0 any listener ends local-only mode, and anonymous clients are then refused unless `allow_anonymous true` is set. Two listeners on the same port and address make the broker fail at startup (`duplicate-listener` reports it).',
    example: 'listener 8883 0.0.0.0',
  },
  listener_allow_anonymous: {
    summary: 'Overrides `allow_anonymous` for the current listener only.',
    details:
      'When unset, the listener follows `allow_anonymous`. Does not need `per_listener_settings`, which it helps replace. New in 2.1; must follow a `listener` line.',
    example: 'listener_allow_anonymous true',
  },
  listener_auto_id_prefix: {
    summary: 'Prefix for broker-generated client ids on the current listener.',
    details: 'Default `auto-`, at most 50 characters. Replaces the deprecated global `auto_id_prefix`. New in 2.1; must follow a `listener` line.',
    example: 'listener_auto_id_prefix ws-',
  },
  local_cleansession: {
    summary: "Clean-session flag for the bridge's own connection to the local broker.",
    details:
      'Takes the value of `cleansession` unless set. Setting the two separately lets the bridge keep its local session while starting fresh on the remote side, or the reverse.',
    example: 'local_cleansession false',
  },
  local_clientid: {
    summary: 'Client id the bridge uses for its connection to the local broker.',
    details: 'Default is `local.` followed by the remote client id. Must differ between bridges, otherwise the broker will not start.',
    example: 'local_clientid local.site-a',
  },
  local_password: {
    summary: 'Password the bridge uses to log in to the local broker.',
    details:
      'Pair it with `local_username` when the local broker requires a login. The value runs to the end of the line, spaces included, so do not add a comment after it.',
    example: 'local_password s3cret-local',
  },
  local_username: {
    summary: 'Username the bridge uses to log in to the local broker.',
    details: 'Needed when the local broker requires a login or applies ACLs to the bridge; pair it with `local_password`.',
    example: 'local_username bridge',
  },
  log_dest: {
    summary: 'Adds a place where the broker writes its log.',
    details:
      'One destination per line; extra words are ignored (apart from the path after `file`), so use several lines for several destinations. The first `log_dest` replaces the default (`stderr`), `none` clears what earlier lines added, and only one `file` is allowed. The file path runs to the end of the line, comments included, and must be writable by the broker account: 1.5 refuses to start when it cannot open the file, later releases log to stderr instead. A Windows service cannot log to only `stdout` or only `stderr`.',
    values: {
      none: 'Remove all destinations added so far.',
      syslog: 'System log; the facility comes from `log_facility`.',
      stdout: 'Standard output.',
      stderr: 'Standard error (the default).',
      topic: 'Publish each log line under `$SYS/broker/log/`.',
      file: 'Append to the file named after it: `log_dest file <path>`.',
      dlt: 'Diagnostic Log and Trace (DLT) daemon; 2.0 and later.',
      android: 'Android system log; 2.1 and later, Android builds only.',
    },
    example: 'log_dest file /var/log/mosquitto/mosquitto.log',
  },
  log_facility: {
    summary: 'Sends syslog output to facility `local0`–`local7` (given as 0–7) instead of the daemon facility.',
    details: 'Only matters together with `log_dest syslog`. Not supported on Windows, where it is ignored with a warning.',
    example: 'log_facility 5',
  },
  log_timestamp: {
    summary: 'Whether each log line starts with a timestamp.',
    details: 'On by default. Turn it off when syslog or journald already stamps every line.',
    example: 'log_timestamp false',
  },
  log_timestamp_format: {
    summary: 'strftime pattern for log timestamps, in place of seconds since the epoch.',
    details: 'Available since 1.6. It takes the rest of the line, so a trailing `# comment` would appear in every timestamp, and quotes are printed literally.',
    example: 'log_timestamp_format %Y-%m-%dT%H:%M:%S',
  },
  log_type: {
    summary: 'Adds one category of messages to the log.',
    details:
      'One type per line; repeat the line to add more. The first `log_type` replaces the default set (`error`, `warning`, `notice`, `information`). The `-v` and `-q` command-line switches override these lines.',
    values: {
      debug: 'Detailed diagnostic messages.',
      error: 'Errors.',
      warning: 'Warnings.',
      notice: 'Notices.',
      information: 'Informational messages such as client connections.',
      subscribe: 'Each client subscription.',
      unsubscribe: 'Each client unsubscription.',
      internal: 'Broker-internal messages; 1.6 and later.',
      websockets: 'libwebsockets messages (websockets builds only; see `websockets_log_level`).',
      none: 'Log nothing.',
      all: 'Every category.',
    },
    example: 'log_type all',
  },
  max_connections: {
    summary: 'Maximum number of clients connected at the same time to the current listener.',
    details:
      'Default `-1` (no limit); any negative number means the same. Put it after a `listener` line: before one it configures the implicit default listener, which in 2.1 is thrown away unless `listener`, `port` or `bind_address` also appears.',
    example: 'max_connections 500',
  },
  max_inflight_bytes: {
    summary: 'Per-client cap, in bytes, on outgoing QoS 1 and 2 messages still waiting for acknowledgement.',
    details: 'Default 0 (no limit). Works alongside `max_inflight_messages`; whichever limit is reached first holds further messages back in the queue.',
    example: 'max_inflight_bytes 1048576',
  },
  max_inflight_messages: {
    summary: 'Per-client cap on outgoing QoS 1 and 2 messages still waiting for acknowledgement.',
    details:
      'Default 20. `0`, any negative number and exactly 65535 all mean no limit; larger values are rejected. A value of 1 keeps delivery strictly in order.',
    example: 'max_inflight_messages 40',
  },
  max_keepalive: {
    summary: 'Longest keepalive interval, in seconds, a client may ask for.',
    details:
      'MQTT v5 clients that ask for more are told to use this value; older clients are refused. Range 0–65535, where `0` means no limit (the code default since 2.0.16; 65535 before). 1.6.0–2.0.12 required at least 10.',
    example: 'max_keepalive 300',
  },
  max_log_entries: {
    summary: 'Keyword carried over from RSMB configurations; mosquitto never gave it any effect.',
    details: 'Accepted with a warning by 1.4–1.6. From 2.0 it is an unknown option and the broker refuses to start, so delete the line.',
    example: 'max_log_entries 1000',
  },
  max_packet_size: {
    summary: 'Size cap, in bytes, for any single MQTT packet a client sends to the broker.',
    details:
      'Clients sending bigger packets are disconnected; MQTT v5 clients learn the limit when they connect. Minimum 20. The default is 2000000 since 2.1 (no limit before), so large payloads that used to work may be refused after upgrading.',
    example: 'max_packet_size 1048576',
  },
  max_qos: {
    summary: 'Caps the QoS level available to clients of the current listener.',
    details:
      'Range 0–2, default 2. MQTT v5 clients learn the limit when they connect. `maximum_qos` is the older spelling. Put it after the `listener` line it belongs to.',
    example: 'max_qos 1',
  },
  max_queued_bytes: {
    summary: 'Per-client cap, in bytes, on QoS 1 and 2 messages waiting in the queue.',
    details: 'Default 0 (no limit). Works alongside `max_queued_messages`; once either limit is hit, further messages for that client are dropped.',
    example: 'max_queued_bytes 10485760',
  },
  max_queued_messages: {
    summary: 'Per-client cap on QoS 1 and 2 messages waiting in the queue, for offline persistent clients or clients whose in-flight window is full.',
    details:
      'Default 1000 since 2.0 (100 before); `0` means no limit. Messages over the cap are dropped. QoS 0 messages are queued as well when `queue_qos0_messages true`.',
    example: 'max_queued_messages 5000',
  },
  max_topic_alias: {
    summary: 'Maximum number of topic aliases the broker accepts from each MQTT v5 client on this listener.',
    details: 'Range 0–65535, default 10; `0` turns client topic aliases off. In 2.1 it must follow a `listener` line.',
    example: 'max_topic_alias 20',
  },
  max_topic_alias_broker: {
    summary: 'Maximum number of topic aliases the broker sets up on its own side when delivering to MQTT v5 clients of this listener.',
    details: 'Range 0–65535, default 10. New in 2.1; must follow a `listener` line.',
    example: 'max_topic_alias_broker 0',
  },
  maximum_qos: {
    summary: 'Older (1.6) spelling of `max_qos`: the QoS cap for the current listener.',
    details: 'Still accepted with the same 0–2 range but no longer documented since 2.0; prefer `max_qos`.',
    example: 'maximum_qos 1',
  },
  memory_limit: {
    summary: 'Upper bound, in bytes, on heap memory the broker may use.',
    details:
      'Default 0 (no limit); once it is reached, further allocations fail. Only works in builds with memory tracking. Text that is not a number is silently read as 0, which means no limit.',
    example: 'memory_limit 268435456',
  },
  message_size_limit: {
    summary: 'Largest PUBLISH payload, in bytes, the broker accepts.',
    details:
      'Default 0: only the MQTT maximum of 268435455 bytes applies. Since 2.0.6 a notice suggests `max_packet_size` instead, which MQTT v5 clients are also told about.',
    example: 'message_size_limit 1048576',
  },
  mount_point: {
    summary: 'Places every topic used by clients of this listener under a fixed prefix, keeping them apart from other listeners.',
    details:
      'With `mount_point site1/`, a client publishing `a/b` really publishes `site1/a/b`, and it receives topics with the prefix removed. The prefix must not contain `+` or `#` and usually ends with `/`. Must follow a `listener` line; 2.0 and older refuse it even after `port`.',
    example: 'mount_point tenant-a/',
  },
  notification_topic: {
    summary: 'Topic on which the bridge reports whether it is connected.',
    details: 'Default `$SYS/broker/connection/<remote_clientid>/state`. Only used while `notifications` is on.',
    example: 'notification_topic bridges/site-a/state',
  },
  notifications: {
    summary: 'Whether the bridge publishes messages telling if it is connected.',
    details:
      'On by default. State messages go to `notification_topic` locally and, unless `notifications_local_only true`, on the remote broker too. Turn it off if the remote broker will not accept those messages, as some cloud services do.',
    example: 'notifications false',
  },
  notifications_local_only: {
    summary: "Keeps the bridge's connection-state messages on the local broker instead of also sending them to the remote one.",
    details: 'Off by default. Useful when the remote broker does not let the bridge publish on the notification topic.',
    example: 'notifications_local_only true',
  },
  packet_buffer_size: {
    summary: 'Buffer size, in bytes, for reading incoming data before the broker knows how long a packet is; also used for WebSocket handshake headers.',
    details: 'Range 0–65535, default 4096. `websockets_headers_size` is now another name for it. New in 2.1.',
    example: 'packet_buffer_size 8192',
  },
  password: {
    summary: 'Older name of `remote_password`: the secret this bridge logs in with on the remote broker.',
    details: 'Shares one setting with `remote_password`, so giving both is a duplicate error. The value runs to the end of the line.',
    example: 'password s3cret',
  },
  password_file: {
    summary: 'File of usernames and hashed passwords that clients must match to log in.',
    details:
      'Create and update it with `mosquitto_passwd`; the broker reads it at startup and on reload, so a bad path is not caught by the config check. The path runs to the end of the line, so a trailing `# comment` or surrounding quotes break it. Global unless `per_listener_settings true` comes first. Deprecated in 2.1 in favour of the password-file plugin.',
    example: 'password_file /etc/mosquitto/passwd',
  },
  per_listener_settings: {
    summary: 'Gives each listener its own authentication and access settings (passwords, ACLs, PSK, plugins, anonymous access) instead of one broker-wide set.',
    details:
      'It has to come before every one of those settings, ideally near the top of the main file, or the broker refuses to start. With `true`, a security setting that appears before any `listener` line goes to the implicit default listener in 1.5–2.0 and is an error in 2.1. Deprecated in 2.1 with a notice (and once `true` it cannot be switched off again): use `listener_allow_anonymous`, `listener_auto_id_prefix` and `plugin_load`/`plugin_use`.',
    example: 'per_listener_settings true',
  },
  persistence: {
    summary: 'Saves retained messages, subscriptions and queued messages to disk so they survive a restart.',
    details:
      'Off by default. The database is `persistence_file` inside `persistence_location`, written every `autosave_interval` and at shutdown. From 2.1.2 it cannot be combined with a persistence plugin.',
    example: 'persistence true',
  },
  persistence_file: {
    summary: 'File name of the persistence database.',
    details: 'Default `mosquitto.db`. Give only the name; the folder comes from `persistence_location`.',
    example: 'persistence_file mosquitto.db',
  },
  persistence_location: {
    summary: 'Folder where the persistence database is stored.',
    details:
      "Defaults to the broker's working directory, which is rarely what you want for a service. Up to 2.0.2 no separator was inserted before the file name, so end the path with `/` on those versions. In 2.1 the `MOSQUITTO_PERSISTENCE_LOCATION` environment variable takes precedence. The broker account must be able to write there.",
    example: 'persistence_location /var/lib/mosquitto/',
  },
  persistent_client_expiration: {
    summary: 'Deletes persistent client sessions that have stayed disconnected longer than the given time.',
    details:
      'Write a number followed by a unit: `h` hours, `d` days, `w` weeks, `m` months (30 days), `y` years (365 days), and from 2.1 `s` seconds. A bare number is rejected. Without this option such sessions are kept forever.',
    example: 'persistent_client_expiration 14d',
  },
  pid_file: {
    summary: 'File in which the broker records its process id (PID).',
    details:
      'Used by init scripts and service managers. Before 2.0 it is only written when the broker runs as a daemon (`-d`); since 2.0 always, after privileges have been dropped, so the `user` account must be able to create it, and a missing folder stops the broker.',
    example: 'pid_file /run/mosquitto/mosquitto.pid',
  },
  plugin: {
    summary: 'Loads a plugin library that adds authentication, access control or other hooks to the broker.',
    details:
      'Configure it with `plugin_opt_*` lines right after it; several plugins are called in file order. Global unless `per_listener_settings true` comes first. The library is opened when the broker starts, so a wrong path is not caught by the config check; since 2.1.1 the path is the raw rest of the line, so trailing blanks count.',
    example: 'plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
  },
  plugin_load: {
    summary: 'Registers a plugin under a name of your choice, for listeners to enable with `plugin_use`.',
    details:
      'Form: `plugin_load <name> <path>`; names must be unique. The library is only loaded if some `plugin_use` refers to it. Put its `plugin_opt_*` lines right after it. New in 2.1 and not yet covered by the manual.',
    example: 'plugin_load dynsec /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
  },
  'plugin_opt_*': {
    summary: 'Hands a `key value` setting to the plugin declared just above it.',
    details:
      'The key is the text after `plugin_opt_` (at least 3 characters); the value is the rest of the line, trailing spaces and any `# comment` included. It belongs to the latest `plugin`, `global_plugin`, `plugin_load` or `auth_plugin` line in the same file, and is an error without one. Not re-read on reload.',
    example: 'plugin_opt_config_file /var/lib/mosquitto/dynamic-security.json',
  },
  plugin_use: {
    summary: 'Switches on, for the current listener, a plugin declared earlier with `plugin_load`.',
    details:
      'The name must match an earlier `plugin_load`. A real `listener` line must come first; the default listener from `port` does not count. New in 2.1, as the replacement for per-listener plugins under `per_listener_settings`.',
    example: 'plugin_use dynsec',
  },
  port: {
    summary: 'Port number for the implicit default listener, the pre-`listener` way of opening a port.',
    details:
      'Deprecated since 2.0 with a notice; write `listener <port>` instead. It always changes the default listener, wherever it appears, so `port 1883` together with `listener 1883` collides at startup. Using it ends local-only mode, after which anonymous clients are refused by default.',
    example: 'port 1883',
  },
  protocol: {
    summary: 'Chooses what the current listener speaks.',
    details:
      'Put it after the `listener` line it belongs to. A protocol missing from the build (for example `websockets`) stops the broker. On Windows, or on hosts with IPv6 disabled, websockets listeners often also need `socket_domain ipv4`.',
    values: {
      mqtt: 'Plain MQTT over TCP (default).',
      websockets: 'MQTT over WebSockets, for browser clients; needs a build with websockets support.',
      http_api: "The broker's HTTP API; 2.1 and later, builds with HTTP API support only.",
    },
    example: 'protocol websockets',
  },
  proxy_protocol_v2_require_tls: {
    summary: 'Refuses PROXY protocol v2 connections unless the header says the client used TLS.',
    details:
      'Use with `enable_proxy_protocol 2` when the proxy terminates TLS, so plain-text clients cannot slip through. Off by default; not available in libwebsockets builds. New in 2.1; must follow a `listener` line.',
    example: 'proxy_protocol_v2_require_tls true',
  },
  psk_file: {
    summary: 'File of `identity:key` lines, keys in hex, for TLS-PSK clients.',
    details:
      'Used by listeners that have `psk_hint`. A listener with a `certfile` cannot also use it (rejected in 2.0.23 and 2.1). TLS 1.3 is switched off on listeners that use PSK (2.0.12+). Global unless `per_listener_settings true` comes first.',
    example: 'psk_file /etc/mosquitto/pskfile',
  },
  psk_hint: {
    summary: 'Turns on TLS-PSK for the current listener and sets the hint sent to clients.',
    details:
      'Pair it with `psk_file`. A listener uses either certificates or PSK: `certfile` or `cafile` after `psk_hint` on one listener fails, but the reverse order goes unnoticed, so keep them on separate listeners. Any string will do; it mainly tells clients which key to use.',
    example: 'psk_hint mosquitto-psk',
  },
  queue_qos0_messages: {
    summary: 'Stores QoS 0 messages for offline clients with persistent sessions, not just QoS 1 and 2.',
    details: 'Off by default. Queued QoS 0 messages count towards `max_queued_messages`.',
    example: 'queue_qos0_messages true',
  },
  remote_clientid: {
    summary: 'The id this bridge identifies itself with when logging in to the remote broker.',
    details:
      'Default `<hostname>.<connection name>`. It must not clash with another client on the remote broker, or the two will keep disconnecting each other. Same setting as the older `clientid`.',
    example: 'remote_clientid site-a-bridge',
  },
  remote_password: {
    summary: "Password for the bridge's login on the remote broker.",
    details:
      'Use with `remote_username`. It takes the rest of the line, spaces included, so keep comments off that line. Same setting as the older `password`.',
    example: 'remote_password s3cret',
  },
  remote_username: {
    summary: "Username for the bridge's login on the remote broker.",
    details: 'Use with `remote_password`. Spaces in the value work since 1.5.6; older versions keep only the first word. Same setting as the older `username`.',
    example: 'remote_username site-a',
  },
  require_certificate: {
    summary: 'Turns away TLS clients on this listener that do not offer a certificate the broker can verify.',
    details:
      'Off by default. Needs `cafile` or `capath` to check against; without one every client certificate fails. Often combined with `use_identity_as_username`.',
    example: 'require_certificate true',
  },
  restart_timeout: {
    summary: 'Delay before an automatic bridge reconnects after losing its connection.',
    details:
      'One number gives a fixed delay in seconds. Two numbers, `<base> <cap>`, give a randomised backoff growing from base to cap (default `5 30` since 1.6; a fixed 30 before), and the cap must not be below the base. 2.1 accepts an optional third number, a stable-connection period.',
    example: 'restart_timeout 10 120',
  },
  retain_available: {
    summary: 'Set to `false` to switch retained messages off for the whole broker.',
    details:
      'On by default. When off, a client that publishes a retained message is disconnected, and MQTT v5 clients learn about the restriction when they connect.',
    example: 'retain_available false',
  },
  retain_expiry_interval: {
    summary: 'How often, in minutes, the broker sweeps expired retained messages out of memory.',
    details: 'Off by default. Minimum 1; 2.1 caps very large values with a warning. Added in 2.0.21.',
    example: 'retain_expiry_interval 60',
  },
  retained_persistence: {
    summary: 'Undocumented alternative name for `persistence`.',
    details: 'Behaves exactly like `persistence`; prefer that name.',
    example: 'retained_persistence true',
  },
  retry_interval: {
    summary: 'Former resend delay for unacknowledged QoS 1 and 2 messages; it does nothing since 1.5.',
    details: 'Only 1.4 used it (1–3600 seconds, default 20). Newer brokers accept the line but ignore it with a warning, so it can be removed.',
    example: 'retry_interval 20',
  },
  round_robin: {
    summary: 'Makes the bridge rotate through its addresses rather than always preferring the first.',
    details:
      'With `false` (default) the first address is primary: after falling back to another one, the bridge keeps trying to return to it. With `true` it just moves to the next address whenever a connection drops and stays there.',
    example: 'round_robin true',
  },
  set_tcp_nodelay: {
    summary: "Turns off Nagle's algorithm on client sockets to cut latency for small packets.",
    details: 'Off by default. Lower latency comes at the cost of more, smaller TCP segments.',
    example: 'set_tcp_nodelay true',
  },
  socket_domain: {
    summary: 'Restricts the current listener to IPv4 or to IPv6.',
    details:
      'When unset, the listener uses both. Websockets listeners on Windows have been seen binding only to IPv6 (`[::]`), so IPv4 clients cannot reach them; adding `socket_domain ipv4` to the listener fixes that, and also helps websockets listeners on hosts with IPv6 disabled. Available since 1.5.5.',
    values: {
      ipv4: 'IPv4 only.',
      ipv6: 'IPv6 only.',
    },
    example: 'socket_domain ipv4',
  },
  start_type: {
    summary: 'Decides when the bridge connects and whether it reconnects.',
    details: 'The value `manual` is refused with an "unsupported" error.',
    values: {
      automatic: 'Connect when the broker starts and reconnect after `restart_timeout` (default).',
      lazy: 'Connect once `threshold` messages are waiting; disconnect after `idle_timeout` without traffic.',
      once: 'Connect when the broker starts and never retry.',
    },
    example: 'start_type lazy',
  },
  store_clean_interval: {
    summary: 'Obsolete setting for tidying the in-memory message store; no longer used.',
    details: 'Ignored with a warning by 1.4–1.6. From 2.0 it is an unknown option and the broker refuses to start, so delete the line.',
    example: 'store_clean_interval 10',
  },
  sys_interval: {
    summary: 'How often, in seconds, the broker refreshes its `$SYS/...` status topics.',
    details: 'Default 10, range 0–65535; `0` turns the periodic updates off.',
    example: 'sys_interval 60',
  },
  threshold: {
    summary: 'Number of waiting messages that makes a lazy bridge connect.',
    details: 'Only used with `start_type lazy`. Default 10; values below 1 become 1.',
    example: 'threshold 50',
  },
  tls_engine: {
    summary: 'OpenSSL engine that performs TLS operations for this listener, such as a hardware security module.',
    details:
      'Pair it with `tls_keyform engine` when the private key lives inside the engine. Needs an OpenSSL with engine support; an unknown engine fails at startup.',
    example: 'tls_engine pkcs11',
  },
  tls_engine_kpass_sha1: {
    summary: 'SHA-1 hash, in hex, of the password that protects the engine-held private key.',
    details:
      'Exactly 40 hex digits, used with `tls_engine` and `tls_keyform engine`. In 2.1 a malformed value fails with only a line reference and no explanation.',
    example: 'tls_engine_kpass_sha1 5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8',
  },
  tls_keyform: {
    summary: 'Says whether `keyfile` is a PEM file or a key held by the TLS engine.',
    details: 'Any value other than `engine` is quietly treated as `pem`, so typos are never reported.',
    values: {
      pem: '`keyfile` is a PEM file (default).',
      engine: '`keyfile` names a key held by `tls_engine`.',
    },
    example: 'tls_keyform engine',
  },
  tls_version: {
    summary: 'Lowest TLS version the current listener accepts.',
    details:
      'It has been a minimum since 2.0.9; earlier it pinned one exact version. Without it, TLS 1.2 and newer are allowed since 2.0.16 (1.1+ in 1.6–2.0.15, 1.0+ in 1.4–1.5). A wrong value is only reported when the listener starts.',
    values: {
      'tlsv1.3': 'TLS 1.3 only.',
      'tlsv1.2': 'TLS 1.2 and newer.',
      'tlsv1.1': 'TLS 1.1 and newer; insecure, and 2.1 warns about it.',
      tlsv1: 'TLS 1.0: only 1.4 and 1.5 know it; from 1.6 the listener fails to open with it.',
    },
    example: 'tls_version tlsv1.2',
  },
  topic: {
    summary: 'Chooses which topics the bridge forwards, in which direction, and with which QoS and prefix mapping.',
    details:
      'Form: `topic <pattern> [out|in|both [<qos> [<local-prefix> <remote-prefix>]]]`; direction defaults to `out` and QoS to 0. The local prefix is swapped for the remote one as messages cross the bridge; write `""` for an unused prefix. Every bridge needs at least one `topic`. As the pattern, `#` is the usual wildcard, but a `#` in the QoS or prefix slot starts a comment (1.5.6+).',
    values: {
      out: 'Send matching local messages to the remote broker (default).',
      in: 'Bring matching remote messages into the local broker.',
      both: 'Forward matching messages both ways.',
    },
    example: 'topic sensors/# out 1 "" site-a/',
  },
  trace_level: {
    summary: 'Keyword carried over from RSMB configurations; mosquitto never gave it any effect.',
    details: 'Accepted with a warning by 1.4–1.6. From 2.0 it is an unknown option and the broker refuses to start, so delete the line.',
    example: 'trace_level 1',
  },
  trace_output: {
    summary: 'Keyword carried over from RSMB configurations; mosquitto never gave it any effect.',
    details: 'Accepted with a warning by 1.4–1.6. From 2.0 it is an unknown option and the broker refuses to start, so delete the line.',
    example: 'trace_output protocol',
  },
  try_private: {
    summary: 'Announces the connection to the remote broker as a bridge, using a non-standard protocol flag.',
    details:
      'On by default; it helps the remote side detect message loops. Brokers that do not understand the flag may refuse the connection, so set it to `false` if the bridge cannot connect (common with cloud services).',
    example: 'try_private false',
  },
  upgrade_outgoing_qos: {
    summary: 'Raises outgoing messages to the QoS of the matching subscription, even if they were published at a lower QoS.',
    details: 'Off by default. This goes against the MQTT specification, so only enable it if clients rely on it.',
    example: 'upgrade_outgoing_qos true',
  },
  use_identity_as_username: {
    summary: "Sets each client's username to the Common Name in its certificate, or to its TLS-PSK identity.",
    details:
      'Off by default. With certificates, also set `require_certificate true` (and `cafile` or `capath`), or clients without a certificate end up with no username. Any username the client sends itself is replaced.',
    example: 'use_identity_as_username true',
  },
  use_subject_as_username: {
    summary: "Sets each client's username to the full subject line of its certificate (for example `CN=dev1,O=Example`).",
    details:
      'Like `use_identity_as_username`, but with the full subject instead of the Common Name alone. Needs `require_certificate true`. Not allowed with `enable_proxy_protocol 2`.',
    example: 'use_subject_as_username true',
  },
  use_username_as_clientid: {
    summary: "Makes the broker use each client's username as its client id on this listener.",
    details: "Stops one user from taking over another user's client id, but a user can then hold only one connection: a second login kicks out the first.",
    example: 'use_username_as_clientid true',
  },
  user: {
    summary: 'Unprivileged account the broker runs as after being launched by root.',
    details:
      'Default `mosquitto`; since 2.0 the broker falls back to `nobody` if that account is missing. Privileges are dropped right after the config is read, so certificates, password files, logs and persistence must be accessible to this account. No effect on Windows or when not started as root; in 2.1 the `PUID`/`PGID` environment variables can override it.',
    example: 'user mosquitto',
  },
  username: {
    summary: 'Older name of `remote_username`: the account name this bridge logs in with on the remote broker.',
    details: 'Shares one setting with `remote_username`, so giving both is a duplicate error. Spaces in the value work since 1.5.6.',
    example: 'username site-a',
  },
  websockets_headers_size: {
    summary: 'Older name for the buffer that holds WebSocket handshake headers; since 2.1 an alias of `packet_buffer_size`.',
    details:
      'In 1.6–2.0 it affects websockets listeners only and needs a websockets build; `0` means the libwebsockets default of 1024, and 2.0 limits it to 0–65535. In 2.1 it sets `packet_buffer_size`, which applies to every connection.',
    example: 'websockets_headers_size 4096',
  },
  websockets_log_level: {
    summary: 'Bit mask of libwebsockets log levels to pass into the broker log.',
    details: 'Default 0. Only has an effect together with `log_type websockets` (or `all`) in a libwebsockets build; the built-in websockets of 2.1 ignore it.',
    example: 'websockets_log_level 255',
  },
  websockets_origin: {
    summary: 'Adds a browser Origin that may open WebSocket connections to this listener.',
    details:
      'Repeat the line to allow more origins; each value must match the Origin header exactly, scheme and port included. With none set, every origin is accepted. New in 2.1; needs the built-in websockets or libwebsockets 3.1.0 or newer.',
    example: 'websockets_origin https://dashboard.example.com',
  },
} satisfies Partial<Record<DirectiveName, DirectiveDoc>>;
