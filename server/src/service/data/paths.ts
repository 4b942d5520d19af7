/**
 * What the broker does with the path an option names: `file` and `directory` must exist,
 * `parent` must be a folder the broker can create the file in. `fatal`: the broker refuses
 * to start when it is missing (otherwise it logs and goes on, or fails later).
 */
export interface PathUse {
  readonly kind: 'file' | 'directory' | 'parent';
  readonly fatal: boolean;
  /**
   * Listener TLS files: the broker only opens them when the listener switches TLS on, so a
   * missing one is fatal only then.
   */
  readonly tlsListener?: boolean;
  /** What goes wrong when a non-fatal path is missing, in our words. */
  readonly effect?: string;
  /** Index of the argument holding the path (default: the whole value). */
  readonly fromSecondToken?: boolean;
}

export const PATH_OPTIONS: Readonly<Record<string, PathUse>> = {
  cafile: { kind: 'file', fatal: true, tlsListener: true },
  // OpenSSL only records the folder; a missing one surfaces when a client certificate is checked.
  capath: { kind: 'directory', fatal: false, effect: 'client certificates cannot be verified against it' },
  certfile: { kind: 'file', fatal: true, tlsListener: true },
  keyfile: { kind: 'file', fatal: true, tlsListener: true },
  crlfile: { kind: 'file', fatal: true, tlsListener: true },
  dhparamfile: { kind: 'file', fatal: true, tlsListener: true },
  password_file: { kind: 'file', fatal: true },
  acl_file: { kind: 'file', fatal: true },
  psk_file: { kind: 'file', fatal: true },
  plugin: { kind: 'file', fatal: true },
  auth_plugin: { kind: 'file', fatal: true },
  global_plugin: { kind: 'file', fatal: true },
  http_dir: { kind: 'directory', fatal: true },
  pid_file: { kind: 'parent', fatal: true },
  // The database is written later (autosave, shutdown); start-up does not need the folder.
  persistence_location: { kind: 'directory', fatal: false, effect: 'the broker cannot save its persistence database there' },
  log_dest: { kind: 'parent', fatal: false, fromSecondToken: true, effect: 'the broker cannot write its log there' },
  bridge_cafile: { kind: 'file', fatal: false, effect: 'the bridge cannot connect' },
  bridge_capath: { kind: 'directory', fatal: false, effect: 'the bridge cannot connect' },
  bridge_certfile: { kind: 'file', fatal: false, effect: 'the bridge cannot connect' },
  bridge_keyfile: { kind: 'file', fatal: false, effect: 'the bridge cannot connect' },
};
