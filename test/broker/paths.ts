// Locations the broker-differential layer needs, found the same way from the sources
// (test/broker) and from the compiled output (out/test/broker).
import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the nearest folder above this file whose package.json is ours. */
export function repoRoot(): string {
  if (process.env.MOSQUITTO_REPO_ROOT) {
    return path.resolve(process.env.MOSQUITTO_REPO_ROOT);
  }
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (pkg.name === 'mosquitto-conf') {
        return dir;
      }
    } catch {
      // keep looking
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find the repository root above ${__dirname} (set MOSQUITTO_REPO_ROOT)`);
    }
    dir = parent;
  }
}

/** The shared reference folder: `../shared` next to the repository (also in CI). */
export function sharedDir(): string {
  return path.resolve(process.env.MOSQUITTO_SHARED_DIR ?? path.join(repoRoot(), '..', 'shared'));
}

/** The real-world corpus with its MANIFEST.tsv. */
export function corpusDir(): string {
  return path.join(sharedDir(), 'corpus', 'real');
}
