/**
 * The reader state at a line (model/lineContext.ts) comes from states kept every 256 lines
 * plus a short walk: it must equal a walk over every line from the top of the file, at every
 * line of real and generated configurations.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import type { ConfigModel } from '../../server/src/service';
import { PLUGIN_LINES } from '../../server/src/service/model/config';
import { fileOf, lineContext } from '../../server/src/service/model/lineContext';
import { nameOf } from '../../server/src/service/model/reading';
import { atLeast } from '../../server/src/service/version';
import { analysisOf, DOCUMENT_PATH } from './features/featureHelpers';

const root = path.resolve(__dirname, '..', '..', '..');

/** The walk from the top, as lineContext did it before it kept states. */
function walkFromTop(model: ConfigModel, line: number): unknown {
  const file = fileOf(model, DOCUMENT_PATH);
  const is21 = atLeast(model.settings.brokerVersion, '2.1.0');
  const state: Record<string, unknown> = { listener: undefined, bridge: undefined, plugin: undefined, block: undefined };
  for (let i = 0; i < line && i < file.lines.length; i++) {
    const d = file.lines[i].directive;
    const placement = d ? model.placements.get(d) : undefined;
    if (!d || !placement || !d.spec) {
      continue;
    }
    const name = nameOf(d);
    if (name === 'listener') {
      state.listener = state.block = placement.target;
    } else if (name === 'connection') {
      state.bridge = state.block = placement.target;
    } else if (name === 'port' || name === 'bind_address') {
      state.listener = is21 ? model.defaultListener : state.listener;
    } else {
      state.plugin = PLUGIN_LINES.has(name) ? d : state.plugin;
      state.listener = is21 && placement.kind === 'implicit-default-listener' ? model.defaultListener : state.listener;
    }
  }
  return state;
}

function texts(): [string, string][] {
  const out: [string, string][] = [];
  for (const folder of ['examples', 'test/fixtures/valid', 'test/fixtures/invalid']) {
    const dir = path.join(root, folder);
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (name.endsWith('.conf')) {
        out.push([`${folder}/${name}`, fs.readFileSync(path.join(dir, name), 'utf8')]);
      }
    }
  }
  // Long enough for several kept states, with listeners, bridges, plugins and port lines.
  const long: string[] = [];
  for (let i = 0; long.length < 1300; i++) {
    long.push(`listener ${2000 + i}`, 'max_connections 5', `plugin /p${i}.so`, `plugin_opt_k${i} v`, `connection b${i}`, 'address h', 'port 1883', '');
  }
  out.push(['generated', long.join('\n')]);
  return out;
}

suite('lineContext: kept states equal a walk from the top', () => {
  test('every line of the examples, fixtures and a 1300-line configuration, for 2.0 and 2.1', () => {
    let checked = 0;
    for (const [name, text] of texts()) {
      for (const version of ['2.0.11', '2.1.2']) {
        const model = analysisOf(text, version).model;
        const lines = text.split('\n').length;
        for (let line = 0; line <= lines + 1; line++) {
          const context = lineContext(model, DOCUMENT_PATH, line);
          const expected = walkFromTop(model, line);
          const { listener, bridge, plugin, block } = context;
          assert.deepEqual({ listener, bridge, plugin, block }, expected, `${name} ${version} line ${line}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 2600, `${checked} lines checked`);
  });
});
