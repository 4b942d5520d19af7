import { tableOf } from './table';
import type { RangeCheck } from './types';

export type { RangeCheck } from './types';

/** Numeric limits per directive (catalogue `ranges`), by dispatch name. */
export const RANGE_CHECKS: Readonly<Record<string, readonly RangeCheck[]>> = tableOf((spec) => spec.ranges);

/** First release that refuses a missing value, per directive (catalogue `emptyValueFatalSince`). */
export const EMPTY_VALUE_FATAL_SINCE: Readonly<Record<string, string>> = tableOf((spec) => spec.emptyValueFatalSince);

/** Directives 2.1 still reads with C `atoi` (catalogue `atoiIn2_1`). */
export const ATOI_IN_2_1: ReadonlySet<string> = new Set(Object.keys(tableOf((spec) => spec.atoiIn2_1 || undefined)));
