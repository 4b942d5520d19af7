import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';

const serverSrc = path.resolve(__dirname, '..', '..', '..', 'server', 'src');

/** The server's own modules (the adapter around the service), relative to server/src. */
function adapterModules(dir = serverSrc): string[] {
  const result: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'service') {
        result.push(...adapterModules(full));
      }
    } else if (name.endsWith('.ts')) {
      result.push(path.relative(serverSrc, full).replace(/\.ts$/, ''));
    }
  }
  return result;
}

/** Relative imports of a module (values and types), resolved to module ids, service excluded. */
function importsOf(id: string): string[] {
  const text = readFileSync(path.join(serverSrc, `${id}.ts`), 'utf8');
  const result: string[] = [];
  for (const m of text.matchAll(/from '(\.[^']+)'/g)) {
    const target = path.relative(serverSrc, path.resolve(path.dirname(path.join(serverSrc, id)), m[1]));
    if (!target.startsWith('service')) {
      result.push(target);
    }
  }
  return result;
}

suite('server layout', () => {
  test('the server modules import each other without a cycle (handlers never import server.ts)', () => {
    const modules = adapterModules();
    const graph = new Map(modules.map((m) => [m, importsOf(m)]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (m: string, trail: string[]): void => {
      if (state.get(m) === 'done') {
        return;
      }
      if (state.get(m) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(m)), m].join(' -> '));
        return;
      }
      state.set(m, 'visiting');
      for (const next of graph.get(m) ?? []) {
        visit(next, [...trail, m]);
      }
      state.set(m, 'done');
    };
    for (const m of modules) {
      visit(m, []);
    }
    assert.deepEqual(cycles, []);
    for (const m of modules.filter((x) => x.startsWith('handlers'))) {
      assert.ok(!(graph.get(m) ?? []).includes('server'), `${m} imports server.ts`);
    }
  });

  test('no module-level mutable state in the server modules (state lives in the server instance)', () => {
    for (const m of adapterModules()) {
      const text = readFileSync(path.join(serverSrc, `${m}.ts`), 'utf8');
      assert.deepEqual(
        text.split('\n').filter((line) => /^(export )?(let|var) /.test(line)),
        [],
        m,
      );
    }
  });
});
