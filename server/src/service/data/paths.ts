import { tableOf } from './table';
import type { PathUse } from './types';

export type { PathUse } from './types';

/** The directives whose value names a file or folder (catalogue `path`), by dispatch name. */
export const PATH_OPTIONS: Readonly<Record<string, PathUse>> = tableOf((spec) => spec.path);
