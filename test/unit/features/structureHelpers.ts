import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import type { Directive } from '../../../server/src/service';
import { parse } from '../../../server/src/service';
import type { Version } from '../../../server/src/service';
import { atLeast, parseVersion } from '../../../server/src/service';

/** A range from 0-based line/character pairs. */
export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** Whole line `line` of `text` (0-based), as a range. */
export function lineRange(text: string, line: number): Range {
  return range(line, 0, line, text.split('\n')[line].replace(/\r+$/, '').length);
}

export function version(text: string): Version {
  const parsed = parseVersion(text);
  assert.ok(parsed);
  return parsed;
}

/** Repository root (the tests run from out/test/unit/features). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** The real-world corpus shipped beside the repository (read-only), when it is there. */
export function corpusFiles(): string[] {
  for (const dir of [path.resolve(REPO_ROOT, '../shared/corpus/real'), '/work/shared/corpus/real']) {
    if (fs.existsSync(dir)) {
      return fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.conf'))
        .sort()
        .map((n) => path.join(dir, n));
    }
  }
  return [];
}

/** Every .conf file under test/fixtures. */
export function fixtureFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) {
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.conf')) {
        found.push(full);
      }
    }
  };
  walk(path.join(REPO_ROOT, 'test/fixtures'));
  return found.sort();
}

function stripLeadingBlanks(text: string): string {
  return text.replace(/^[ \t]+/, '');
}

/**
 * What the broker reads from a configuration, line by line: comment lines verbatim, and per
 * directive its keyword plus the value the way that release cuts it (see reference/rules.md
 * §2). Blank lines are skipped, as the broker skips them; so is everything from a NUL on.
 * Written independently of the formatter, as the yardstick it is measured with.
 */
export function brokerReading(text: string, release: Version): string[] {
  const parsed = parse(text);
  const reading: string[] = [];
  for (const [index, line] of parsed.lines.entries()) {
    if (parsed.nulLine !== undefined && index >= parsed.nulLine) {
      reading.push(`<after NUL> ${line.text}`);
      continue;
    }
    if (line.kind === 'comment') {
      reading.push(line.text);
      continue;
    }
    const d: Directive | undefined = line.directive;
    if (!d) {
      continue;
    }
    reading.push(JSON.stringify([d.name, ...valueReading(d, release)]));
  }
  return reading;
}

function valueReading(d: Directive, release: Version): string[] {
  const spec = d.spec;
  if (!spec) {
    return [d.rest];
  }
  const name = spec.prefix !== undefined ? spec.name : d.name;
  if (name === 'plugin_load') {
    return [d.rest];
  }
  if (name === 'listener' && !atLeast(release, '1.5.0')) {
    // 1.4: the port is a token, the address everything after the port and one space.
    const port = d.args[0];
    return port ? [port.text, d.rest.slice(port.end - d.restStart + 1)] : [];
  }
  if (name === 'log_dest' && d.args[0]?.text === 'file') {
    return ['file', stripLeadingBlanks(d.rest.slice(d.rest.indexOf('file') + 5))];
  }
  switch (spec.valueMode) {
    case 'raw':
      return spec.prefix !== undefined ? [stripLeadingBlanks(d.rest)] : [d.rest];
    case 'string':
      return [atLeast(release, '1.6.9') ? d.value : stripLeadingBlanks(d.rest)];
    default:
      return d.args.map((t) => t.text);
  }
}
