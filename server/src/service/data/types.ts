/** Value type of one directive argument. */
export type ArgType =
  'bool' | 'int' | 'int64' | 'string' | 'path' | 'host' | 'enum' | 'list' | 'topic' | 'topic-filter' | 'duration' | 'hex' | 'any' | 'host-or-path';

/** One argument of a directive, as the broker reads it. */
export interface ArgSpec {
  readonly name: string;
  readonly type: ArgType;
  readonly required: boolean;
  /** Allowed spellings for bool/enum/list items (per release: DirectiveSpec.valuesSince/valuesUntil). */
  readonly values?: readonly string[];
}

/**
 * A numeric limit the broker enforces, with the releases that enforce it. Values outside a
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

/**
 * What the broker does with the path an option names: `file` and `directory` must exist,
 * `parent` must be a folder the broker can create the file in. `fatal`: the broker refuses
 * to start when it is missing (otherwise it logs and goes on, or fails later).
 */
export interface PathUse {
  readonly kind: 'file' | 'directory' | 'parent';
  /** Always, never, or only in the releases from `since` / before `before`. */
  readonly fatal: boolean | { readonly since?: string; readonly before?: string };
  /**
   * Listener TLS files: the broker only opens them when the listener switches TLS on, so a
   * missing one is fatal only then.
   */
  readonly tlsListener?: boolean;
  /** What goes wrong when a non-fatal path is missing, in our words. */
  readonly effect?: string;
  /** The path is the rest of the line after the first word (`log_dest file <path>`). */
  readonly fromSecondToken?: boolean;
}

/** A default that changed between releases: the text applies from `since` on. */
export interface VersionedDefault {
  readonly since: string;
  readonly text: string;
}

/** Something a directive does differently on some operating systems. */
export interface PlatformNote {
  /** The platforms the note is about. */
  readonly platforms: readonly ('linux' | 'windows' | 'macos')[];
  /** In our words; markdown code spans allowed. */
  readonly note: string;
  /** The broker refuses the directive on these platforms (completion leaves it out there). */
  readonly unsupported?: boolean;
}

/**
 * How the broker cuts the value out of the line:
 * - `token`: the next space-separated token; the rest of the line is ignored.
 * - `string`: the rest of the line, trimmed (1.6.9+; older brokers keep trailing blanks).
 * - `raw`: the rest of the line, untrimmed, compared or opened verbatim.
 * - `tokens`: several space-separated tokens.
 * - `ignored`: the value is not read at all.
 */
export type ValueMode = 'token' | 'string' | 'raw' | 'tokens' | 'ignored';

/**
 * Where a directive applies:
 * - `security`: global, or the current listener when `per_listener_settings true`.
 * - `default-listener`: always the implicit default listener (`port`, `bind_address`).
 * - `structure`: starts a section or includes files (`listener`, `connection`, `include_dir`).
 * - `plugin`: attaches to the most recent plugin line.
 */
export type Scope = 'global' | 'listener' | 'security' | 'bridge' | 'plugin' | 'default-listener' | 'structure';

/**
 * What a second occurrence in the same scope does: `accumulates` (each line adds),
 * `last-wins` (silently replaces), `error` (the broker refuses), `error-before-2.1`
 * (refused up to 2.0, last wins from 2.1).
 */
export type DuplicatePolicy = 'accumulates' | 'last-wins' | 'error' | 'error-before-2.1';

/** Optional broker build features a directive needs. */
export type BuildFeature = 'bridge' | 'tls' | 'tls-psk' | 'websockets';

/** Everything the project knows about one directive (facts only; prose is in docs.ts). */
export interface DirectiveSpec {
  readonly name: string;
  /** For option families such as `plugin_opt_*`: the fixed prefix. */
  readonly prefix?: string;
  /** Another spelling of this directive (synonym). */
  readonly aliasOf?: string;
  readonly syntax: string;
  readonly args: readonly ArgSpec[];
  readonly valueMode: ValueMode;
  readonly scope: Scope;
  readonly duplicate: DuplicatePolicy;
  /** First release whose parser accepts it. */
  readonly since: string;
  readonly deprecated?: { readonly version: string; readonly replacement?: string; readonly notice: boolean };
  /** `unknown`: the broker rejects it from that version; `ignored`: accepted with a warning and ignored. */
  readonly removed?: { readonly version: string; readonly kind: 'unknown' | 'ignored' };
  readonly features: readonly BuildFeature[];
  /**
   * For listener options, what 2.1+ requires before them: `listener` (an explicit listener or
   * the default listener must exist), `explicit-listener` (a `listener` line), or
   * `listener-or-default` (creates the default listener when there is none).
   */
  readonly listenerRequirement?: 'listener' | 'explicit-listener' | 'listener-or-default';
  /**
   * What the broker uses when the directive is absent, in our words (markdown code spans
   * allowed); version-dependent defaults newest first. Absent: no meaningful default.
   */
  readonly default?: string | readonly VersionedDefault[];
  /** The value names a file or folder, and what the broker does with it. */
  readonly path?: PathUse;
  /** Numeric limits per release (out-of-range). */
  readonly ranges?: readonly RangeCheck[];
  /** First release that refuses a missing value; older ones log an error and go on. */
  readonly emptyValueFatalSince?: string;
  /** 2.1 still reads the numbers of this directive with C `atoi` (no validation). */
  readonly atoiIn2_1?: boolean;
  /** Enum values that only some releases accept: value -> first release that accepts it. */
  readonly valuesSince?: Readonly<Record<string, string>>;
  /** Enum values later releases stopped accepting: value -> first release that refuses it. */
  readonly valuesUntil?: Readonly<Record<string, string>>;
  /** Enum values that exist only in builds never checked against (Android). */
  readonly buildOnlyValues?: readonly string[];
  /** A bad enum value is not a start-up error: what happens instead, in our words. */
  readonly invalidValueEffect?: string;
  /** What the directive does differently on some operating systems. */
  readonly platformNotes?: readonly PlatformNote[];
}
