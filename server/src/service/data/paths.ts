/**
 * What the broker does with the path an option names: `file` and `directory` must exist,
 * `parent` must be a folder the broker can create the file in. `fatal`: the broker refuses
 * to start when it is missing (otherwise it logs and goes on, or fails later).
 */
export interface PathUse {
  readonly kind: 'file' | 'directory' | 'parent';
  readonly fatal: boolean;
  /** Index of the argument holding the path (default: the whole value). */
  readonly fromSecondToken?: boolean;
}

export const PATH_OPTIONS: Readonly<Record<string, PathUse>> = {
  cafile: { kind: 'file', fatal: true },
  capath: { kind: 'directory', fatal: true },
  certfile: { kind: 'file', fatal: true },
  keyfile: { kind: 'file', fatal: true },
  crlfile: { kind: 'file', fatal: true },
  dhparamfile: { kind: 'file', fatal: true },
  password_file: { kind: 'file', fatal: true },
  acl_file: { kind: 'file', fatal: true },
  psk_file: { kind: 'file', fatal: true },
  plugin: { kind: 'file', fatal: true },
  auth_plugin: { kind: 'file', fatal: true },
  global_plugin: { kind: 'file', fatal: true },
  http_dir: { kind: 'directory', fatal: true },
  pid_file: { kind: 'parent', fatal: true },
  persistence_location: { kind: 'directory', fatal: true },
  log_dest: { kind: 'parent', fatal: false, fromSecondToken: true },
  bridge_cafile: { kind: 'file', fatal: false },
  bridge_capath: { kind: 'directory', fatal: false },
  bridge_certfile: { kind: 'file', fatal: false },
  bridge_keyfile: { kind: 'file', fatal: false },
};
