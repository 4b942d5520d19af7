import type { Platform } from '../types';
import { tableOf } from './table';
import type { PlatformNote } from './types';

export type { PlatformNote } from './types';

/** Platform notes per directive (catalogue `platformNotes`; shown in hover, `unsupported` also filters completion). */
export const PLATFORM_NOTES: Readonly<Record<string, readonly PlatformNote[]>> = tableOf((spec) => spec.platformNotes);

/** Platform notes of a directive. */
export function platformNotes(name: string): readonly PlatformNote[] {
  return PLATFORM_NOTES[name] ?? [];
}

/** Whether the broker refuses the directive on this platform. */
export function unsupportedOn(name: string, platform: Platform): boolean {
  return platformNotes(name).some((n) => n.unsupported === true && n.platforms.includes(platform));
}
