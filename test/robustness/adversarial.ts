/**
 * Long adversarial lines for every kind of value handling: shared by the growth checks
 * (scaling.test.ts) and the backtracking workload (backtrackingWorkload.ts).
 */

/** Directives that reach every kind of value handling (string, raw, token, tokens, paths, families). */
const NAMES = [
  'listener',
  'connection',
  'topic',
  'address',
  'log_dest',
  'log_dest file',
  'include_dir',
  'per_listener_settings',
  'password_file',
  'certfile',
  'persistence_location',
  'plugin',
  'plugin_opt_x',
  'restart_timeout',
  'max_connections',
  'allow_anonymous',
  'protocol',
  'bridge_protocol_version',
  'mount_point',
  'local_clientid',
  'bridge_tcp_keepalive',
  'port',
  'bind_address',
];

/** Payloads that make naive patterns backtrack: long runs of one character, or of a pair. */
export function payloads(n: number): Record<string, string> {
  const half = n >> 1;
  return {
    'spaces then a word': `${' '.repeat(n)}x`,
    'tabs then a word': `${'\t'.repeat(n)}x`,
    hashes: '#'.repeat(n),
    colons: ':'.repeat(n),
    'equals signs': '='.repeat(n),
    'double quotes': '"'.repeat(n),
    'single quotes then a letter': `${"'".repeat(n)}a`,
    slashes: '/'.repeat(n),
    'plus and slash': '+/'.repeat(half),
    'hash and slash': '#/'.repeat(half),
    letters: 'a'.repeat(n),
    digits: '0'.repeat(n),
    'word and space': 'a '.repeat(half),
    'space and hash': ' #'.repeat(half),
    backslashes: '\\'.repeat(n),
    'percent signs': '%'.repeat(n),
    dots: '.'.repeat(n),
    'minus signs then a digit': `${'-'.repeat(n)}1`,
    'control characters': '\u0001'.repeat(n),
    'replacement characters': '\ufffd'.repeat(n),
    'letter and equals': 'a='.repeat(half),
    'quote and letter': '"a'.repeat(half),
    'spaces, tab, spaces': `${' '.repeat(half)}\t${' '.repeat(half)}`,
  };
}

/** Every payload after every directive, alone as a keyword, glued to a keyword, and in comments. */
export function adversarialDocument(n: number): string {
  const lines: string[] = [];
  for (const payload of Object.values(payloads(n))) {
    for (const name of NAMES) {
      lines.push(`${name} ${payload}`);
    }
    lines.push(
      payload,
      `listener${payload}`,
      `password_file=${payload}`,
      `#${payload}`,
      `# mosquitto-lint-disable-next-line${payload}`,
      `# mosquitto-lint-disable-next-line ${payload}`,
      `  ${payload}`,
    );
  }
  // Sections, so that the section rules see the lines as listener and bridge options.
  return ['listener 1883', 'connection adversarial', ...lines].join('\n');
}

/** Payload length of the baseline document; the adversarial one is LINE_SCALE times longer. */
export const PAYLOAD = 200;
/** Adversarial lines: 1x vs 100x line length. Linear gives 100, quadratic 10,000. */
export const LINE_SCALE = 100;
