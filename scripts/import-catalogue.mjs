#!/usr/bin/env node
// One-time import of the facts (names, argument types, scopes, versions) from
// ../shared/reference/directives.json into server/src/service/data/catalogue.ts.
// Only facts are carried over; the documentation lives in data/docs.ts, written by us.
// The generated file is committed and then maintained by hand; re-running this
// script overwrites it, so review the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ref = JSON.parse(readFileSync(join(root, '../shared/reference/directives.json'), 'utf8'));

const scopeMap = {
  global: 'global',
  listener: 'listener',
  'listener-if-per_listener_settings': 'security',
  bridge: 'bridge',
  plugin: 'plugin',
  'default-listener': 'default-listener',
  'file-structure': 'structure',
};
function valueMode(v) {
  if (v === 'first token' || v.startsWith('first token (+')) return 'token';
  if (v.startsWith('rest-of-line (string')) return 'string';
  if (v === 'rest-of-line' || v.startsWith('rest-of-line (raw') || v.startsWith('rest-of-line, compared')) return 'raw';
  if (v === 'ignored' || v.startsWith('first token (1.4); ignored')) return 'ignored';
  return 'tokens';
}
function typeMap(t) {
  const m = {
    'string (part of the keyword)': 'string',
    'topic filter': 'topic-filter',
    'hex string': 'hex',
    'ip address': 'host',
    'host|path': 'host-or-path',
  };
  return m[t] ?? t;
}
function since(s) {
  return s === '<=1.4' ? '1.4.0' : s;
}
function duplicate(x) {
  if (x.repeatable) {
    if (x.repeat_behaviour.startsWith('2.1: last-wins')) return 'error-before-2.1';
    return /accumulat|one per|each directory|warning each/.test(x.repeat_behaviour) ? 'accumulates' : 'last-wins';
  }
  const b = x.repeat_behaviour;
  if (/^2\.1(\.0\+)?: last-wins/.test(b)) return 'error-before-2.1';
  if (x.name === 'address' || x.name === 'addresses') return 'error';
  return 'error';
}
function feature(r) {
  const s = r.toLowerCase();
  if (s.includes('tls-psk')) return 'tls-psk';
  if (s.startsWith('bridge')) return 'bridge';
  if (s.startsWith('tls')) return 'tls';
  if (s.includes('websockets') || s.includes('libwebsockets')) return 'websockets';
  return null;
}
function listenerRequirement(x) {
  const r = x.scope_rule ?? '';
  if (x.scope !== 'listener') return null;
  if (r.includes('REQUIRE_NON_DEFAULT_LISTENER')) return 'explicit-listener';
  if (r.includes('REQUIRE_LISTENER_OR_DEFAULT_LISTENER') || !r.includes('REQUIRE_LISTENER')) return 'listener-or-default';
  return 'listener';
}
const out = ref.map((x) => {
  const d = {
    name: x.name,
    ...(x.name.endsWith('*') ? { prefix: x.name.slice(0, -1) } : {}),
    ...(x.alias_of ? { aliasOf: x.alias_of } : {}),
    syntax: x.syntax,
    args: x.args.map((a) => ({
      name: a.name,
      type: typeMap(a.type),
      required: !!a.required,
      ...(a.values ? { values: a.values.map(String) } : {}),
      ...(a.min != null ? { min: a.min } : {}),
      ...(a.max != null ? { max: a.max } : {}),
    })),
    valueMode: valueMode(x.value_mode),
    scope: scopeMap[x.scope],
    duplicate: duplicate(x),
    since: since(x.since),
    ...(x.deprecated
      ? {
          deprecated: {
            version: x.deprecated.version.replace(/ .*/, ''),
            ...(x.deprecated.replacement ? { replacement: x.deprecated.replacement } : {}),
            notice: !/manual/.test(x.deprecated.how ?? ''),
          },
        }
      : {}),
    ...(x.removed ? { removed: { version: x.removed.version, kind: /unknown/.test(x.removed.kind) ? 'unknown' : 'ignored' } } : {}),
    ...(listenerRequirement(x) ? { listenerRequirement: listenerRequirement(x) } : {}),
    features: [
      ...new Set(
        x.requires.flatMap((r) => {
          const f = feature(r);
          return f ? [f] : [];
        }),
      ),
    ],
  };
  return d;
});
const header = `// Directive catalogue: the single source of directive facts for validation, completion,
// hover, the grammar and the docs. Imported once from the reference facts by
// scripts/import-catalogue.mjs, then maintained by hand. Documentation prose is in docs.ts.
import type { DirectiveSpec } from './types';

export const DIRECTIVES: readonly DirectiveSpec[] = `;
writeFileSync(
  join(root, 'server/src/service/data/catalogue.ts'),
  header +
    JSON.stringify(out, null, 2)
      .replace(/"([a-zA-Z_]+)":/g, '$1:')
      .replace(/"/g, "'") +
    ';\n',
);
console.log(`wrote ${out.length} directives`);
