/** A mosquitto release number. */
export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** Newest patch release of every release line the catalogue covers. */
const NEWEST_PATCH: Readonly<Record<string, number>> = {
  '1.4': 15,
  '1.5': 11,
  '1.6': 15,
  '2.0': 22,
  '2.1': 2,
};

/** The newest patch release of every release line, newest first (`2.1.2`, `2.0.22`, …). */
export function releaseLines(): string[] {
  return Object.entries(NEWEST_PATCH)
    .map(([line, patch]) => `${line}.${patch}`)
    .sort((a, b) => compareVersions(v(b), v(a)));
}

/** Whether `version` is a mosquitto release the catalogue covers (a known line, a patch that exists). */
export function isKnownRelease(version: Version): boolean {
  const newest = NEWEST_PATCH[`${version.major}.${version.minor}`];
  return newest !== undefined && version.patch >= 0 && version.patch <= newest;
}

/** The known releases, one range per release line: `1.4.0–1.4.15, …, 2.1.0–2.1.2`. */
export function describeKnownReleases(): string {
  return Object.entries(NEWEST_PATCH)
    .map(([line, newest]) => `${line}.0–${line}.${newest}`)
    .join(', ');
}

/** The newest known release of a major version (`2` → 2.1.2), undefined when none is known. */
export function newestOfMajor(major: number): Version | undefined {
  const lines = Object.keys(NEWEST_PATCH)
    .map((line) => line.split('.').map(Number))
    .filter(([m]) => m === major);
  const minor = Math.max(...lines.map(([, n]) => n));
  return lines.length === 0 ? undefined : { major, minor, patch: NEWEST_PATCH[`${major}.${minor}`] };
}

/** The newest release in the catalogue; the default version to check against. */
export const NEWEST_RELEASE: Version = { major: 2, minor: 1, patch: 2 };
/** The oldest release the catalogue describes. */
export const OLDEST_RELEASE: Version = { major: 1, minor: 4, patch: 0 };

/**
 * Parses `X.Y` or `X.Y.Z`. `X.Y` means the newest patch release of that line
 * (e.g. `2.0` = 2.0.22), because behaviour follows the patch level.
 * Returns undefined for anything else.
 */
export function parseVersion(text: string): Version | undefined {
  const m = /^\s*v?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?\s*$/.exec(text);
  if (!m) {
    return undefined;
  }
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = m[3] !== undefined ? Number(m[3]) : (NEWEST_PATCH[`${major}.${minor}`] ?? 0);
  return { major, minor, patch };
}

/** Parses a version that is known to be well formed (catalogue data). */
export function v(text: string): Version {
  const parsed = parseVersion(text);
  if (!parsed) {
    throw new Error(`bad version literal ${text}`);
  }
  return parsed;
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** True when `version` is at least `min` (given as text, e.g. '2.0.21'). */
export function atLeast(version: Version, min: string): boolean {
  return compareVersions(version, cachedVersion(min)) >= 0;
}

/** True when `version` is older than `bound`. */
export function before(version: Version, bound: string): boolean {
  return !atLeast(version, bound);
}

export function formatVersion(version: Version): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}

const cache = new Map<string, Version>();
function cachedVersion(text: string): Version {
  let found = cache.get(text);
  if (!found) {
    found = v(text);
    cache.set(text, found);
  }
  return found;
}
