/**
 * How a given mosquitto release reads one line: the directive's canonical name, how its value
 * is cut (string / token / raw, per release), which words are read as integers (C `atoi`),
 * which enum values it accepts, which path a path option names, and the release constants
 * these depend on. Rules and features both read lines through this module, so a release's
 * behaviour is written down once.
 */
import { directiveNames } from '../data';
import { ENUM_BUILD_ONLY, ENUM_VALUE_SINCE, ENUM_VALUE_UNTIL } from '../data/enums';
import { PATH_OPTIONS } from '../data/paths';
import { ATOI_IN_2_1 } from '../data/ranges';
import type { ValueMode } from '../data/types';
import type { Directive, NulMark, ParsedFile, Token } from '../parser/parser';
import type { NumberReading } from '../util/numbers';
import { readAtoi, readStrtol } from '../util/numbers';
import type { Version } from '../version';
import { atLeast } from '../version';

export { atoi, readBool } from '../util/numbers';

/**
 * Releases that changed how the broker reads or checks a configuration, by what changed.
 * Compare with `atLeast(version, SINCE.x)`; a literal release in a rule or feature is a
 * fact that belongs here.
 */
export const SINCE = {
  /** Bridge string options read the rest of the line, not the first word. */
  bridgeStringsWholeLine: '1.4.9',
  /** Two bridges with the same name are refused. */
  duplicateBridgeNameRefused: '1.4.12',
  /** 1.5: per_listener_settings, plugin options attach to plugin lines, UTF-8 checks. */
  release1_5: '1.5.0',
  /** Without an allow_anonymous line, anonymous clients are refused when a password file, PSK file or plugin is set (before: always allowed). */
  anonymousOffWithAuthentication: '1.5.0',
  /** `address host:port`: the port is after the last colon. */
  addressLastColon: '1.5.1',
  /** The Windows broker ignores an empty include_dir. */
  windowsEmptyIncludeDir: '1.5.3',
  /** Invalid booleans are refused. */
  strictBooleans: '1.5.4',
  /** Windows websockets listeners bind every interface, not 127.0.0.1 only. */
  windowsWebsocketsAllInterfaces: '1.5.4',
  /** `socket_domain` exists. */
  socketDomain: '1.5.5',
  /** `listener`, `address` and `topic` stop at a word starting with '#'; usernames read the whole line. */
  commentWordsSkipped: '1.5.6',
  /** `check_retain_source` counts as a security option (until 2.1) for per_listener_settings. */
  checkRetainSourceIsSecurity: '1.5.6',
  /** per_listener_settings ordering is checked across included files. */
  securityOrderAcrossFiles: '1.5.7',
  /** 1.6: control characters refused in strings, numeric range checks, tlsv1.3. */
  release1_6: '1.6.0',
  /** MQTT listeners load dhparamfile and refuse to start when they cannot (until dhparamfileIgnored). */
  dhparamfileLoaded: '1.6.0',
  /** ACL topics must be valid filters, a `user` line needs a name, and password/PSK lines are trimmed of blanks (security_default.c). */
  companionFilesChecked: '1.6.0',
  /** String values are trimmed of surrounding white space. */
  trimmedStrings: '1.6.9',
  /** Bridge topic prefix + pattern must be a valid filter. */
  bridgeTopicFilterChecked: '1.6.10',
  /** 2.0: local-only mode without listeners, a CA alone no longer enables TLS. */
  release2_0: '2.0.0',
  /** The ACL access type `deny` exists (1.x refuses it). */
  aclDeny: '2.0.0',
  /** Without an allow_anonymous line, listeners refuse anonymous clients. */
  anonymousRefusedByDefault: '2.0.0',
  /** Without listener, port or bind_address lines the broker listens on loopback only (local-only mode). */
  localOnlyMode: '2.0.0',
  /** The broker drops privileges before it loads certificates and other files. */
  privilegeDropBeforeFiles: '2.0.0',
  /** `persistence_location` gets a separator before the database name. */
  persistenceLocationSeparator: '2.0.3',
  /** Local-only mode is decided by the default listener's lines, not by "no listeners". */
  localOnlyByDefaultListener: '2.0.12',
  /** A listener with half a certificate pair (or only a CA) is refused. */
  incompleteTlsRefused: '2.0.21',
  /** Local-only mode honours `allow_anonymous false` (before, it always let anonymous clients in). */
  localOnlyAnonymousSetting: '2.0.21',
  /** `psk_file` on a listener with a certificate is refused. */
  pskWithCertificateRefused: '2.0.23',
  /** 2.1: strict numbers, quoted bridge topics, listener options need a listener. */
  release2_1: '2.1.0',
  /** Integer values are read with strtol (octal, hex and overflow handled), no longer with atoi. */
  strtolIntegers: '2.1.0',
  /** dhparamfile is ignored (before, MQTT listeners from 1.6 refuse to start when they cannot load it). */
  dhparamfileIgnored: '2.1.0',
  /** Websockets listeners refuse to start when their CA or CRL file cannot be loaded. */
  websocketsTlsFilesRequired: '2.1.0',
  /** The password file reader (password_parse.c) refuses to start on a bad line (empty or repeated user, a password it cannot decode; 2.0 drops such users) and decodes hashes its own way (a leading `$`, 12- or 64-byte salts, argon2id). */
  passwordFileRefused: '2.1.0',
  /** mosquitto_passwd writes 64-byte salts and 1000 PBKDF2 iterations (2.0: 12 bytes, 101). */
  passwdLongSalts: '2.1.0',
  /** The PSK reader skips empty and repeated identities before the hexadecimal check. */
  pskIdentitiesSkipped: '2.1.0',
  /** The dynamic-security plugin of 2.1: its salt and hash sizes are not modelled (2.0 needs 12 and 64 bytes). */
  dynsecSizesUnchecked: '2.1.0',
  /** Plugin paths are read raw (the whole rest of the line). */
  rawPluginPaths: '2.1.1',
  /**
   * A line starting with a NUL is read as an empty line and reading goes on (the line reader
   * returns at length 0). Seen in 2.0.22's source and on the 2.0.22 and 2.1.2 brokers; Debian's
   * 2.0.11 broker (and 1.5, 1.6) stop there. The release in between that changed it is not known
   * here: 2.0.22 is the first one a broker here confirms.
   */
  nulLineReadAsEmpty: '2.0.22',
} as const;

/** Reads an integer option value as the given release does (atoi before 2.1, strtol from 2.1; `atoiOnly` for options 2.1 still reads with atoi). */
export function readInteger(text: string, version: Version, atoiOnly = false): NumberReading {
  return atoiOnly || !atLeast(version, SINCE.strtolIntegers) ? readAtoi(text) : readStrtol(text);
}

/** Whether `c` is white space for C's `isspace` in the "C" locale (the broker's trim). */
export function isCSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** A space or a tab (what the broker skips before some values). */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** The directive's canonical name (families by their pattern, synonyms by themselves). */
export function nameOf(d: Directive): string {
  return d.spec?.prefix !== undefined ? d.spec.name : d.name;
}

const PLUGIN_PATH_LINES: ReadonlySet<string> = directiveNames('plugin', 'auth_plugin', 'global_plugin');

/**
 * How the selected release cuts the value out of the line. Differs from the catalogue for
 * plugin paths: a trimmed string up to 2.0, one token in 2.1.0, the raw rest of the line
 * from 2.1.1.
 */
export function valueModeOf(d: Directive, version: Version): ValueMode | undefined {
  if (PLUGIN_PATH_LINES.has(nameOf(d))) {
    return atLeast(version, SINCE.rawPluginPaths) ? 'raw' : atLeast(version, SINCE.release2_1) ? 'token' : 'string';
  }
  return d.spec?.valueMode;
}

/** Bridge string options that 1.4.0-1.4.8 cut at the first space (later releases read the rest of the line). */
const FIRST_TOKEN_BEFORE_1_4_9: ReadonlySet<string> = directiveNames(
  'bridge_cafile',
  'bridge_capath',
  'bridge_certfile',
  'bridge_keyfile',
  'bridge_identity',
  'bridge_psk',
  'bridge_tls_version',
  'clientid',
  'remote_clientid',
  'local_clientid',
  'local_password',
  'local_username',
  'password',
  'remote_password',
);

/** How many space-separated tokens the broker reads for a directive (undefined: the rest of the line). */
export function tokensRead(d: Directive, version: Version): number | undefined {
  const spec = d.spec;
  if (!spec) {
    return undefined;
  }
  const name = nameOf(d);
  if ((name === 'username' || name === 'remote_username') && !atLeast(version, SINCE.commentWordsSkipped)) {
    return 1;
  }
  if (FIRST_TOKEN_BEFORE_1_4_9.has(name) && !atLeast(version, SINCE.bridgeStringsWholeLine)) {
    return 1;
  }
  if (name === 'log_dest') {
    return d.args[0]?.text === 'file' ? undefined : 1;
  }
  switch (valueModeOf(d, version)) {
    case 'token':
      return 1;
    case 'tokens':
      if (name === 'listener') {
        return atLeast(version, SINCE.release1_5) ? 2 : undefined;
      }
      if (name === 'restart_timeout') {
        return atLeast(version, SINCE.release2_1) ? 3 : atLeast(version, SINCE.release1_6) ? 2 : 1;
      }
      if (name === 'bridge_tcp_keepalive') {
        return 3;
      }
      if (name === 'topic') {
        return 5;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** One integer argument of a directive and how the broker reads it. */
export interface IntegerArgument {
  readonly index: number;
  readonly token: Token;
  readonly reading: NumberReading;
}

/** The integer arguments of a directive (the ones the broker reads as numbers). */
export function integerArguments(d: Directive, version: Version): IntegerArgument[] {
  const spec = d.spec;
  if (!spec) {
    return [];
  }
  const name = nameOf(d);
  const atoiOnly = ATOI_IN_2_1.has(name);
  const result: IntegerArgument[] = [];
  const consider = (index: number): void => {
    const token = d.args[index];
    const type = spec.args[index]?.type;
    if (token && (type === 'int' || type === 'int64') && !(index === 0 && (token.text === '=' || token.text === ':'))) {
      result.push({ index, token, reading: readInteger(token.text, version, atoiOnly) });
    }
  };
  if (spec.valueMode === 'token') {
    consider(0);
  } else if (name === 'listener') {
    consider(0);
  } else if (name === 'bridge_tcp_keepalive' || name === 'restart_timeout') {
    // Only the words this release reads (restart_timeout: 1 before 1.6, 2 before 2.1).
    const read = Math.min(spec.args.length, tokensRead(d, version) ?? spec.args.length);
    for (let i = 0; i < read; i++) {
      consider(i);
    }
  }
  return result;
}

/** The values of an enum option that a given release accepts. */
export function allowedValues(name: string, values: readonly string[], version: Version): string[] {
  const since = ENUM_VALUE_SINCE[name] ?? {};
  const until = ENUM_VALUE_UNTIL[name] ?? {};
  const buildOnly = ENUM_BUILD_ONLY[name] ?? [];
  return values.filter((value) => {
    if (buildOnly.includes(value)) {
      return false;
    }
    const from = since[value];
    const to = until[value];
    return (from === undefined || atLeast(version, from)) && (to === undefined || !atLeast(version, to));
  });
}

/** The value text the broker compares for an enum option, with its columns. */
export function enumValue(d: Directive): { text: string; start: number; end: number } | undefined {
  const mode = d.spec?.valueMode;
  if (mode === 'token' || nameOf(d) === 'log_dest') {
    return d.args[0];
  }
  if (mode === 'string') {
    return d.value.length > 0 ? { text: d.value, start: d.valueStart, end: d.valueEnd } : undefined;
  }
  if (mode === 'raw') {
    return d.rest.length > 0 ? { text: d.rest, start: d.restStart, end: d.restStart + d.rest.length } : undefined;
  }
  return undefined;
}

/** A path the broker reads from one line. */
export interface PathValue {
  /** The path exactly as the broker reads it (blanks it keeps included). */
  readonly text: string;
  /** Column where `text` starts. */
  readonly start: number;
  /** What the broker does with it: a file, a directory, or the folder of a file it creates. */
  readonly kind: 'file' | 'directory' | 'parent';
}

/** Skips spaces and tabs from `from` in `text`. */
function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlank(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

/**
 * The path a directive names, as the selected release reads it (undefined when it names
 * none or the path is empty): a string value trimmed from 1.6.9 on, a raw value with every
 * blank it has, `log_dest file <path>` after the word `file`, plugin paths per release, and
 * the folder of `include_dir` and the library of `plugin_load` (read raw).
 */
export function pathValue(d: Directive, version: Version): PathValue | undefined {
  if (!d.spec) {
    return undefined;
  }
  const name = nameOf(d);
  const make = (text: string, start: number, kind: PathValue['kind']): PathValue | undefined => (text.length === 0 ? undefined : { text, start, kind });
  if (name === 'include_dir') {
    return make(d.rest, d.restStart, 'directory');
  }
  if (name === 'plugin_load') {
    const token = d.args[1];
    return token ? make(d.rest.slice(token.start - d.restStart), token.start, 'file') : undefined;
  }
  const use = PATH_OPTIONS[name];
  if (!use) {
    return undefined;
  }
  if (use.fromSecondToken) {
    // log_dest file <path>: the rest after `file`, leading blanks skipped, the rest kept.
    if (d.args[0]?.text !== 'file' || d.args.length < 2) {
      return undefined;
    }
    const from = skipBlanks(d.rest, d.args[1].start - d.restStart);
    return make(d.rest.slice(from), d.restStart + from, use.kind);
  }
  switch (valueModeOf(d, version)) {
    case 'token':
      return d.args[0] ? make(d.args[0].text, d.args[0].start, use.kind) : undefined;
    case 'raw':
      return make(d.rest, d.restStart, use.kind);
    default:
      break;
  }
  if (atLeast(version, SINCE.trimmedStrings)) {
    return make(d.value, d.valueStart, use.kind);
  }
  const from = skipBlanks(d.rest, 0);
  return make(d.rest.slice(from), d.restStart + from, use.kind);
}

/** How a release reads the NUL characters of a file. */
export interface NulReading {
  /** The NUL where the broker stops: that line and every line after it are not read. */
  readonly stop: NulMark | undefined;
  /** Lines before `stop` that start with a NUL: the broker reads each as an empty line. */
  readonly emptied: readonly NulMark[];
  /** The lines of `emptied`. */
  readonly emptiedLines: ReadonlySet<number>;
}

/**
 * Where the selected release stops reading a file because of a NUL, and which lines it reads
 * as empty. Every release reads a line with fgets and measures it with strlen, so a NUL hides
 * the rest of its line; a NUL after the start of a line makes the line reader swallow the rest
 * of the file (up to 2.0) or give up (2.1), so nothing from that line on is read. A NUL in
 * column 0 does the same up to the release that reads such a line as empty
 * (`SINCE.nulLineReadAsEmpty`).
 */
export function nulReading(file: Pick<ParsedFile, 'nuls'>, version: Version): NulReading {
  const emptyLines = atLeast(version, SINCE.nulLineReadAsEmpty);
  const emptied: NulMark[] = [];
  for (const nul of file.nuls) {
    if (nul.column === 0 && emptyLines) {
      emptied.push(nul);
      continue;
    }
    return { stop: nul, emptied, emptiedLines: new Set(emptied.map((n) => n.line)) };
  }
  return { stop: undefined, emptied, emptiedLines: new Set(emptied.map((n) => n.line)) };
}
