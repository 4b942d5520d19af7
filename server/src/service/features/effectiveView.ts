import type { EffectiveConfig, EffectiveOption, EffectiveOrigin } from '../model/effective';
import { listenerSummary } from '../model/effective';
import { dirname } from '../util/paths';

/** A `file:line` reference in the rendered view, to be shown as a link. */
export interface EffectiveViewLink {
  /** 0-based line of the view and the columns of the reference. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** File id (native path or URI) and 0-based line the reference points to. */
  readonly file: string;
  readonly targetLine: number;
}

/** The effective configuration as text, plus the places that link back to the source. */
export interface EffectiveView {
  readonly text: string;
  readonly links: readonly EffectiveViewLink[];
}

/** A default that is a value as written in a file (a word or number), not a description. */
const PLAIN_VALUE = /^[\w.:/-]+$/;

/** How a file is named in the view: relative to the main file's folder when inside it. */
function displayName(file: string, baseDir: string): string {
  const prefix = baseDir.endsWith('/') || baseDir.endsWith('\\') ? baseDir : `${baseDir}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

/**
 * Renders the effective configuration as a mosquitto.conf-like document: section headings
 * and origins are column-0 comments (the broker's only comment form), each option line is
 * what the broker uses. Origins name `file:line` (1-based), and those references are
 * returned as links.
 */
export function renderEffectiveView(config: EffectiveConfig): EffectiveView {
  const main = config.files[0] ?? '';
  const baseDir = dirname(main);
  const lines: string[] = [];
  const links: EffectiveViewLink[] = [];
  const reference = (prefix: string, file: string, line: number | undefined, suffix = ''): void => {
    const name = line === undefined ? displayName(file, baseDir) : `${displayName(file, baseDir)}:${line + 1}`;
    links.push({ line: lines.length, start: prefix.length, end: prefix.length + name.length, file, targetLine: line ?? 0 });
    lines.push(`${prefix}${name}${suffix}`);
  };
  const origin = (o: EffectiveOrigin): void => {
    switch (o.kind) {
      case 'line':
        reference('# from ', o.file, o.line);
        return;
      case 'inherited':
        reference('# inherited from ', o.file, o.line, ` (${o.from})`);
        return;
      case 'default':
        lines.push(`# default of mosquitto ${config.version}${o.note ? `: ${o.note}` : ''}`);
        return;
    }
  };
  const option = (o: EffectiveOption): void => {
    if (o.origin.kind === 'default' && !PLAIN_VALUE.test(o.value)) {
      // A default described in words is not a value the broker would read: keep it a comment.
      lines.push(`# ${o.name}: ${o.value} (default of mosquitto ${config.version}${o.origin.note ? `: ${o.origin.note}` : ''})`);
      return;
    }
    origin(o.origin);
    lines.push(o.value.length > 0 ? `${o.name} ${o.value}` : o.name);
  };

  lines.push(`# Effective configuration for mosquitto ${config.version} on ${config.platform} (read-only; follows the source).`);
  lines.push(
    `# per_listener_settings ${config.perListenerSettings}: security options apply ${config.perListenerSettings ? 'to the listener they are written in' : 'to every listener'}.`,
  );
  lines.push('# Files in the order the broker reads them:');
  for (const file of config.files) {
    reference('#   ', file, undefined);
  }
  lines.push('');
  lines.push('# ==== global ====');
  for (const o of config.global) {
    option(o);
  }
  for (const listener of config.listeners) {
    lines.push('');
    const where = listener.address !== undefined ? `${listener.port ?? '?'} on ${listener.address}` : `${listener.port ?? '?'} on all interfaces`;
    lines.push(`# ==== ${listener.title}: port ${where} ====`);
    lines.push(`# ${listenerSummary(listener)}`);
    for (const o of listener.options) {
      option(o);
    }
  }
  if (config.listeners.length === 0) {
    lines.push('');
    lines.push('# ==== no listener: the broker opens no network port ====');
  }
  for (const bridge of config.bridges) {
    lines.push('');
    lines.push(`# ==== bridge ${bridge.name} ====`);
    for (const o of bridge.options) {
      option(o);
    }
  }
  return { text: `${lines.join('\n')}\n`, links };
}
