/**
 * Docker Compose and Dockerfile projects that run this configuration in the eclipse-mosquitto
 * image: the path mappings their bind mounts, volumes and COPY lines give, and the broker
 * release their image tag names. Pure: files are read through the injected file system, and
 * YAML is read with the `yaml` package (never with patterns).
 */
import { parse as parseYaml } from 'yaml';
import type { FileSystemAccess, Platform } from '../types';
import { basename, dirname, isPosixAbsolute, isWindowsAbsolute } from '../util/paths';
import type { Version } from '../version';
import { NEWEST_RELEASE, formatVersion, isKnownRelease, newestOfMajor, parseVersion } from '../version';
import type { PathMapping } from './brokerPaths';

/** What a container project says about the broker that reads this configuration. */
export interface ContainerDetection {
  /** The Compose file or Dockerfile, native path. */
  readonly file: string;
  readonly kind: 'compose' | 'dockerfile';
  /** The Compose service that runs the broker. */
  readonly service?: string;
  /** The image reference as written (`eclipse-mosquitto:2.0.18`). */
  readonly image?: string;
  /** The release the tag names; undefined when the tag names none we know. */
  readonly version?: Version;
  /** The image is Linux-based: the broker runs on Linux. */
  readonly platform: Platform;
  readonly mappings: readonly PathMapping[];
  /** Things worth telling the user (a tag we cannot map to a release, mounts we cannot resolve). */
  readonly notes: readonly string[];
}

/** Compose file names, in the order Docker Compose looks for them. */
export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

const IMAGE = /^(?:[^/\s]+\/)*eclipse-mosquitto(?::([^@\s]+))?(?:@\S+)?$/;

/**
 * The release an eclipse-mosquitto tag names: `2.0.18` → 2.0.18, `2.0` → the newest 2.0.x,
 * `2` → the newest 2.x, `latest`/none → the newest release; variants such as `-openssl` are
 * the same release. Undefined for tags that name no known release.
 */
export function versionFromTag(tag: string | undefined): Version | undefined {
  const plain = (tag ?? 'latest').replace(/-openssl$/, '');
  if (plain === 'latest' || plain === 'openssl') {
    return NEWEST_RELEASE;
  }
  const m = /^v?(\d+)(?:\.(\d+)(?:\.(\d+))?)?$/.exec(plain);
  if (!m) {
    return undefined;
  }
  if (m[2] === undefined) {
    return newestOfMajor(Number(m[1]));
  }
  const version = parseVersion(plain);
  return version && isKnownRelease(version) ? version : undefined;
}

/** The tag of an eclipse-mosquitto image reference, or null when it is another image. */
export function mosquittoImageTag(image: string): { tag: string | undefined } | null {
  const m = IMAGE.exec(image.trim());
  return m ? { tag: m[1] } : null;
}

function separatorOf(dir: string): string {
  return dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
}

/** Resolves `rel` against the folder `base` (native paths), handling `.` and `..`. */
export function resolveAgainst(base: string, rel: string): string {
  if (isPosixAbsolute(rel) || isWindowsAbsolute(rel)) {
    return rel;
  }
  const sep = separatorOf(base);
  const parts = base.split(/[\\/]/);
  for (const part of rel.split(/[\\/]/)) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (parts.length > 1) {
        parts.pop();
      }
    } else {
      parts.push(part);
    }
  }
  const joined = parts.join(sep);
  return joined.length > 0 ? joined : sep;
}

function contains(folder: string, file: string): boolean {
  const f = folder.replace(/[\\/]+$/, '');
  return file === f || file.startsWith(`${f}/`) || file.startsWith(`${f}\\`);
}

/** One volume entry of a service, in either syntax. */
interface Mount {
  readonly source?: string;
  readonly target: string;
  readonly bind: boolean;
}

/** `SRC:DST[:MODE]`, `DST` (anonymous), with Windows drive letters kept in SRC. */
function shortMount(text: string): Mount | undefined {
  const parts = text.split(':');
  if (parts.length > 1 && /^[A-Za-z]$/.test(parts[0]) && /^[\\/]/.test(parts[1])) {
    parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  }
  if (parts.length === 1) {
    return { target: parts[0], bind: false };
  }
  const source = parts[0];
  // A volume name is letters, digits and `_.-`; anything else (./x, /x, ~/x, C:\x, ${VAR}) is a host path.
  return { source, target: parts[1], bind: !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source) };
}

function longMount(entry: Record<string, unknown>): Mount | undefined {
  const target = typeof entry.target === 'string' ? entry.target : undefined;
  if (target === undefined) {
    return undefined;
  }
  const source = typeof entry.source === 'string' ? entry.source : undefined;
  return { source, target, bind: entry.type === 'bind' };
}

function mountsOf(service: Record<string, unknown>): Mount[] {
  const volumes = service.volumes;
  if (!Array.isArray(volumes)) {
    return [];
  }
  const mounts: Mount[] = [];
  for (const entry of volumes) {
    const mount =
      typeof entry === 'string' ? shortMount(entry) : entry !== null && typeof entry === 'object' ? longMount(entry as Record<string, unknown>) : undefined;
    if (mount) {
      mounts.push(mount);
    }
  }
  return mounts;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The mappings of a service's mounts; unresolvable sources (`~`, `${VAR}`) become notes. */
function mappingsOf(mounts: readonly Mount[], composeDir: string, origin: string, notes: string[]): PathMapping[] {
  const mappings: PathMapping[] = [];
  for (const mount of mounts) {
    if (!isPosixAbsolute(mount.target)) {
      continue;
    }
    if (!mount.bind) {
      mappings.push({ brokerPath: mount.target, origin, ...(mount.source !== undefined ? { volume: mount.source } : {}) });
      continue;
    }
    const source = mount.source ?? '';
    if (source.startsWith('~') || source.includes('$')) {
      notes.push(`The bind mount '${source}:${mount.target}' depends on the environment and is not followed.`);
      continue;
    }
    mappings.push({ brokerPath: mount.target, localPath: resolveAgainst(composeDir, source), origin });
  }
  return mappings;
}

/** Reads one Compose file; the service that runs the broker for `configPath`, if any. */
export function readCompose(composePath: string, text: string, configPath: string, fs: FileSystemAccess): ContainerDetection | undefined {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch {
    return undefined;
  }
  const services = asRecord(asRecord(document)?.services);
  if (!services) {
    return undefined;
  }
  const composeDir = dirname(composePath);
  let best: { score: number; detection: ContainerDetection } | undefined;
  for (const [name, value] of Object.entries(services)) {
    const service = asRecord(value);
    if (!service) {
      continue;
    }
    const notes: string[] = [];
    const origin = `${basename(composePath)} service '${name}'`;
    let image = typeof service.image === 'string' ? service.image : undefined;
    let tag = image !== undefined ? mosquittoImageTag(image) : null;
    const mappings = mappingsOf(mountsOf(service), composeDir, origin, notes);
    const build = typeof service.build === 'string' ? { context: service.build } : asRecord(service.build);
    if (tag === null && build && typeof build.context === 'string') {
      const context = resolveAgainst(composeDir, build.context);
      const dockerfilePath = resolveAgainst(context, typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile');
      const fromDockerfile = readDockerfile(dockerfilePath, fs.readFile(dockerfilePath) ?? '', undefined, fs, context);
      if (fromDockerfile) {
        image = fromDockerfile.image;
        tag = image !== undefined ? mosquittoImageTag(image) : null;
        mappings.push(...fromDockerfile.mappings.filter((m) => !mappings.some((x) => x.brokerPath === m.brokerPath)));
      }
    }
    const mountsConfig = mappings.some((m) => m.localPath !== undefined && contains(m.localPath, configPath));
    const score = (mountsConfig ? 2 : 0) + (tag !== null ? 1 : 0);
    if (score === 0 || (best && best.score >= score)) {
      continue;
    }
    const version = tag !== null ? versionFromTag(tag.tag) : undefined;
    if (tag !== null && version === undefined) {
      notes.push(`The image tag '${tag.tag ?? ''}' names no mosquitto release this extension knows.`);
    }
    best = {
      score,
      detection: { file: composePath, kind: 'compose', service: name, image, version, platform: 'linux', mappings, notes },
    };
  }
  return best?.detection;
}

/** Instruction lines of a Dockerfile: comments dropped, `\` continuations joined. */
function instructions(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*#/.test(raw)) {
      continue;
    }
    const continued = /\\\s*$/.test(raw);
    current += continued ? `${raw.replace(/\\\s*$/, '')} ` : raw;
    if (!continued) {
      if (current.trim().length > 0) {
        lines.push(current.trim());
      }
      current = '';
    }
  }
  if (current.trim().length > 0) {
    lines.push(current.trim());
  }
  return lines;
}

/** The sources and destination of a COPY/ADD line (shell or JSON form, flags skipped). */
function copyArguments(rest: string): string[] {
  const trimmed = rest.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }
  return trimmed.split(/\s+/).filter((word) => !word.startsWith('--'));
}

/**
 * Reads a Dockerfile built FROM eclipse-mosquitto: its tag and the mappings its COPY/ADD lines
 * give (relative to the build context). With `configPath`, it only counts when a COPY
 * brings that file into the image.
 */
export function readDockerfile(
  dockerfilePath: string,
  text: string,
  configPath: string | undefined,
  fs: FileSystemAccess,
  context = dirname(dockerfilePath),
): ContainerDetection | undefined {
  let image: string | undefined;
  const mappings: PathMapping[] = [];
  const origin = basename(dockerfilePath);
  for (const line of instructions(text)) {
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (!m) {
      continue;
    }
    const keyword = m[1].toUpperCase();
    if (keyword === 'FROM') {
      const reference = m[2].split(/\s+/).find((word) => !word.startsWith('--'));
      image = reference !== undefined && mosquittoImageTag(reference) !== null ? reference : image;
    } else if ((keyword === 'COPY' || keyword === 'ADD') && image !== undefined && !/--from[= ]/.test(m[2])) {
      const words = copyArguments(m[2]);
      const destination = words.pop();
      if (destination === undefined || words.length === 0 || !isPosixAbsolute(destination)) {
        continue;
      }
      for (const source of words) {
        const local = resolveAgainst(context, source);
        const intoFolder = destination.endsWith('/') || words.length > 1;
        const isFile = fs.stat(local)?.kind === 'file';
        const brokerPath = intoFolder && isFile ? `${destination.replace(/\/+$/, '')}/${basename(local)}` : destination;
        mappings.push({ brokerPath: brokerPath.length > 1 ? brokerPath.replace(/\/+$/, '') : brokerPath, localPath: local, origin });
      }
    }
  }
  if (image === undefined) {
    return undefined;
  }
  if (configPath !== undefined && !mappings.some((mapping) => mapping.localPath !== undefined && contains(mapping.localPath, configPath))) {
    return undefined;
  }
  const tag = mosquittoImageTag(image);
  const version = versionFromTag(tag?.tag);
  const notes = version === undefined ? [`The image tag '${tag?.tag ?? ''}' names no mosquitto release this extension knows.`] : [];
  return { file: dockerfilePath, kind: 'dockerfile', image, version, platform: 'linux', mappings, notes };
}

/**
 * Looks for a Compose file (then a Dockerfile) from the configuration's folder up to
 * `stopAt` (inclusive; without it, the folder and its two parents) and reads what it says
 * about the broker that runs `configPath`.
 */
export function detectContainers(configPath: string, fs: FileSystemAccess, stopAt?: string): ContainerDetection | undefined {
  let dir = dirname(configPath);
  for (let level = 0; level < 32; level++) {
    for (const name of COMPOSE_FILES) {
      const candidate = resolveAgainst(dir, name);
      const text = fs.readFile(candidate);
      if (text !== undefined) {
        const found = readCompose(candidate, text, configPath, fs);
        if (found) {
          return found;
        }
      }
    }
    const dockerfile = resolveAgainst(dir, 'Dockerfile');
    const text = fs.readFile(dockerfile);
    if (text !== undefined) {
      const found = readDockerfile(dockerfile, text, configPath, fs);
      if (found) {
        return found;
      }
    }
    const parent = dirname(dir);
    const atLimit = stopAt !== undefined ? !contains(stopAt, dir) || dir.replace(/[\\/]+$/, '') === stopAt.replace(/[\\/]+$/, '') : level >= 2;
    if (atLimit || parent === dir) {
      return undefined;
    }
    dir = parent;
  }
  return undefined;
}

/** One line for the user: which project, service, image and release was used. */
export function describeDetection(detection: ContainerDetection): string {
  const what = detection.kind === 'compose' ? `${basename(detection.file)} service '${detection.service ?? ''}'` : basename(detection.file);
  const version = detection.version ? `mosquitto ${formatVersion(detection.version)}` : 'an unknown release';
  return `${what}, image ${detection.image ?? 'eclipse-mosquitto'} (${version}, ${detection.platform})`;
}
