/** Value type of one directive argument. */
export type ArgType =
  | 'bool' | 'int' | 'int64' | 'string' | 'path' | 'host' | 'enum' | 'list'
  | 'topic' | 'topic-filter' | 'duration' | 'hex' | 'any' | 'host-or-path';

/** One argument of a directive, as the broker reads it. */
export interface ArgSpec {
  readonly name: string;
  readonly type: ArgType;
  readonly required: boolean;
  /** Allowed spellings for bool/enum/list items. */
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
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
}
