import { tableOf } from './table';

/** Enum values that only some releases accept: value -> first release that accepts it (catalogue `valuesSince`). */
export const ENUM_VALUE_SINCE: Readonly<Record<string, Readonly<Record<string, string>>>> = tableOf((spec) => spec.valuesSince);

/** Enum values that later releases stopped accepting: value -> first release that refuses it (catalogue `valuesUntil`). */
export const ENUM_VALUE_UNTIL: Readonly<Record<string, Readonly<Record<string, string>>>> = tableOf((spec) => spec.valuesUntil);

/** Where a bad enum value is not a start-up error: what happens instead (catalogue `invalidValueEffect`). */
export const ENUM_SOFT_FAILURE: Readonly<Record<string, string>> = tableOf((spec) => spec.invalidValueEffect);

/** Values that exist only in builds we never check against (catalogue `buildOnlyValues`). */
export const ENUM_BUILD_ONLY: Readonly<Record<string, readonly string[]>> = tableOf((spec) => spec.buildOnlyValues);
