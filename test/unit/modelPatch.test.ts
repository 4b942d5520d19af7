import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ConfigModel, FileSystemAccess } from '../../server/src/service';
import { analyze, buildConfig, FindingsCache, parse, updateConfig } from '../../server/src/service';
import { memoryFs, settings } from './helpers';
import { modelShape, patchedFrom } from './modelShape';

const MAIN = '/etc/mosquitto/mosquitto.conf';

const TEXT = [
  '# broker',
  'per_listener_settings true',
  'max_inflight_messages 10',
  'listener 1883',
  'max_connections 5',
  'allow_anonymous true',
  'listener 8883',
  'certfile /etc/c.crt',
  'keyfile /etc/c.key',
  'connection cloud',
  'address cloud.example:1883',
  'topic # both',
  '',
].join('\n');

/** The model of `before`, then of `after` made from it (patched or rebuilt), and `after` built afresh. */
function edit(
  before: string,
  after: string,
  fs: FileSystemAccess = memoryFs({}),
  version = '2.1.2',
): { previous: ConfigModel; updated: ConfigModel; fresh: ConfigModel } {
  const first = parse(before, MAIN);
  const second = parse(after, MAIN, first);
  const previous = buildConfig({ main: first, path: MAIN }, settings(version), fs);
  const updated = updateConfig(previous, { main: second, path: MAIN }, settings(version), fs);
  const fresh = buildConfig({ main: parse(after, MAIN), path: MAIN }, settings(version), fs);
  assert.deepEqual(modelShape(updated), modelShape(fresh));
  return { previous, updated, fresh };
}

suite('model: patched after an edit that touches no structure line', () => {
  test('a value edit patches the model: only the edited section is a new object', () => {
    for (const version of ['2.1.2', '2.0.22', '1.5.11']) {
      const { previous, updated } = edit(TEXT, TEXT.replace('max_connections 5', 'max_connections 50'), memoryFs({}), version);
      assert.ok(patchedFrom(previous, updated), version);
      assert.notEqual(updated.listeners[0], previous.listeners[0]);
      assert.equal(updated.listeners[1], previous.listeners[1]);
      assert.equal(updated.bridges[0], previous.bridges[0]);
      assert.equal(updated.global, previous.global);
      // The previous model is left as it was.
      assert.equal(previous.listeners[0].entries[1].value, '5');
      assert.equal(updated.listeners[0].entries[1].value, '50');
    }
  });

  test('edits in global options, a bridge and two listeners at once', () => {
    const after = TEXT.replace('max_inflight_messages 10', 'max_inflight_messages 20')
      .replace('topic # both', 'topic # in')
      .replace('allow_anonymous true', 'allow_anonymous false')
      .replace('keyfile /etc/c.key', 'keyfile /etc/d.key');
    const { previous, updated } = edit(TEXT, after);
    assert.ok(patchedFrom(previous, updated));
    assert.notEqual(updated.global, previous.global);
    assert.notEqual(updated.bridges[0], previous.bridges[0]);
    assert.equal(updated.defaultListener, previous.defaultListener);
  });

  test('a comment edit, and a directive the model does not place (unknown keyword), patch the model too', () => {
    const withUnknown = TEXT.replace('# broker', '# broker\nfrobnicate 1');
    const comment = edit(withUnknown, withUnknown.replace('# broker', '# the broker'));
    assert.ok(patchedFrom(comment.previous, comment.updated));
    assert.equal(comment.updated.listeners[0], comment.previous.listeners[0]);
    const unknown = edit(withUnknown, withUnknown.replace('frobnicate 1', 'frobnicate 2'));
    assert.ok(patchedFrom(unknown.previous, unknown.updated));
  });

  test('a structure line, a changed keyword or a changed number of directives builds the model again', () => {
    const cases = [
      TEXT.replace('listener 8883', 'listener 8884'),
      TEXT.replace('connection cloud', 'connection sky'),
      TEXT.replace('per_listener_settings true', 'per_listener_settings false'),
      TEXT.replace('max_connections 5', 'port 1884'),
      TEXT.replace('max_connections 5', 'max_keepalive 5'),
      TEXT.replace('max_connections 5', '#max_connections 5'),
      TEXT.replace('# broker', 'plugin /usr/lib/p.so'),
      TEXT + 'bind_address 127.0.0.1\n',
    ];
    for (const after of cases) {
      const { previous, updated } = edit(TEXT, after);
      assert.ok(!patchedFrom(previous, updated), after);
    }
    const plugin = 'plugin /usr/lib/a.so\nplugin_opt_x 1\n';
    const { previous, updated } = edit(plugin, plugin.replace('/usr/lib/a.so', '/usr/lib/b.so'));
    assert.ok(!patchedFrom(previous, updated));
    const option = edit(plugin, plugin.replace('plugin_opt_x 1', 'plugin_opt_x 2'));
    assert.ok(patchedFrom(option.previous, option.updated));
  });

  test('typing a new line: lines with an unknown keyword come, change and go without a rebuild', () => {
    const steps = [
      TEXT,
      TEXT.replace('allow_anonymous true', 'allow_anonymous true\nm'),
      TEXT.replace('allow_anonymous true', 'allow_anonymous true\nma'),
      TEXT.replace('allow_anonymous true', 'allow_anonymous true\nmax_'),
      TEXT.replace('# broker', 'x\ny\n# broker').replace('allow_anonymous true', 'allow_anonymous true\nmax_'),
      TEXT.replace('# broker', 'y').replace('allow_anonymous true', 'allow_anonymous true\nmax_'),
      TEXT.replace('# broker', 'y'),
      TEXT.replace('# broker', 'y') + 'z\n',
    ];
    for (let i = 1; i < steps.length; i++) {
      const { previous, updated } = edit(steps[i - 1], steps[i]);
      assert.ok(patchedFrom(previous, updated), steps[i]);
    }
    // An unknown keyword that becomes a known one, and a new line after include_dir, build again.
    const known = edit(steps[3], TEXT.replace('allow_anonymous true', 'allow_anonymous true\nmax_connections'));
    assert.ok(!patchedFrom(known.previous, known.updated));
    const include = 'include_dir /etc/mosquitto/conf.d\n';
    const files = memoryFs({ '/etc/mosquitto/conf.d/a.conf': 'per_listener_settings true\n' });
    const afterInclude = edit(include, include + 'x\n', files);
    assert.ok(!patchedFrom(afterInclude.previous, afterInclude.updated));
    // The new line notes per_listener_settings as read at its place (an included file set it).
    const placed = afterInclude.updated.placements.get(afterInclude.updated.order[afterInclude.updated.order.length - 1]);
    assert.equal(placed?.perListenerSettings, true);
    const later = edit(include + 'x\n', include + 'x\ny\n', files);
    assert.ok(patchedFrom(later.previous, later.updated));
  });

  test('2.1: a listener option that opens the default listener is patched with the same placement', () => {
    const text = 'max_connections 5\nlistener 1883\n';
    const { previous, updated } = edit(text, text.replace('5', '6'));
    assert.ok(patchedFrom(previous, updated));
    assert.equal(updated.placements.get(updated.order[0])?.target, updated.defaultListener);
  });

  test('NUL characters, other settings or another path build the model again', () => {
    const nul = edit('max_connections 5\n\0\n', 'max_connections 6\n\0\n');
    assert.ok(!patchedFrom(nul.previous, nul.updated));
    const first = parse(TEXT, MAIN);
    const previous = buildConfig({ main: first, path: MAIN }, settings('2.1.2'), memoryFs({}));
    const second = parse(TEXT.replace('max_connections 5', 'max_connections 6'), MAIN, first);
    assert.ok(!patchedFrom(previous, updateConfig(previous, { main: second, path: MAIN }, settings('2.0.22'), memoryFs({}))));
    assert.ok(!patchedFrom(previous, updateConfig(previous, { main: second, path: '/etc/other.conf' }, settings('2.1.2'), memoryFs({}))));
    assert.ok(!patchedFrom(previous, updateConfig(previous, { main: second, path: MAIN }, settings('2.1.2'), memoryFs({}, 'windows'))));
    assert.ok(!patchedFrom(previous, updateConfig(previous, { main: second, path: MAIN, fragment: true }, settings('2.1.2'), memoryFs({}))));
  });

  test('included files: patched while the folder and the files read the same, built again when they change', () => {
    const text = 'include_dir /etc/mosquitto/conf.d\nmax_connections 5\n';
    const files = { '/etc/mosquitto/conf.d/a.conf': 'listener 1884\nmax_connections 3\n', '/etc/mosquitto/conf.d/b.conf': 'listener 1885\n' };
    const same = edit(text, text.replace('5', '6'), memoryFs(files));
    assert.ok(patchedFrom(same.previous, same.updated));
    assert.equal(same.updated.files.length, 3);
    assert.equal(same.updated.files[1], same.previous.files[1]);

    const first = parse(text, MAIN);
    const second = parse(text.replace('5', '6'), MAIN, first);
    const previous = buildConfig({ main: first, path: MAIN }, settings('2.1.2'), memoryFs(files));
    const changed = [
      { ...files, '/etc/mosquitto/conf.d/a.conf': 'listener 1884\nmax_connections 4\n' },
      { ...files, '/etc/mosquitto/conf.d/c.conf': 'listener 1886\n' },
      { '/etc/mosquitto/conf.d/a.conf': files['/etc/mosquitto/conf.d/a.conf'] },
    ];
    for (const now of changed) {
      const updated = updateConfig(previous, { main: second, path: MAIN }, settings('2.1.2'), memoryFs(now));
      assert.ok(!patchedFrom(previous, updated), JSON.stringify(now));
      assert.deepEqual(modelShape(updated), modelShape(buildConfig({ main: parse(second.text, MAIN), path: MAIN }, settings('2.1.2'), memoryFs(now))));
    }
  });

  test('a long run of edits: each model is patched from the last one and equals a fresh build', () => {
    const fs = memoryFs({});
    let text = TEXT;
    let parsed = parse(text, MAIN);
    let model = buildConfig({ main: parsed, path: MAIN }, settings('2.1.2'), fs);
    let flattened = 0;
    for (let i = 0; i < 150; i++) {
      // Alternate between a listener option, a bridge option and a global option.
      const edits: [RegExp, string][] = [
        [/max_connections \d+/, `max_connections ${i}`],
        [/topic # \w+/, i % 2 === 0 ? 'topic # out' : 'topic # both'],
        [/max_inflight_messages \d+/, `max_inflight_messages ${i}`],
      ];
      const [pattern, replacement] = edits[i % 3];
      text = text.replace(pattern, replacement);
      const next = parse(text, MAIN, parsed);
      const updated = updateConfig(model, { main: next, path: MAIN }, settings('2.1.2'), fs);
      assert.ok(patchedFrom(model, updated), `edit ${i}`);
      assert.deepEqual(modelShape(updated), modelShape(buildConfig({ main: parse(text, MAIN), path: MAIN }, settings('2.1.2'), fs)), `edit ${i}`);
      if (updated.placements instanceof Map) {
        flattened++;
      }
      parsed = next;
      model = updated;
    }
    // The same three lines edited over and over: the changes laid over the built placements stay
    // few (a line an earlier patch brought is dropped when it goes), so the map is never copied.
    assert.equal(flattened, 0);
    const changes = (model.placements as unknown as { changes: number }).changes;
    assert.ok(changes <= model.order.length, String(changes));
  });

  test('edits of many different lines: the placements laid over the built ones are copied into a plain map now and then', () => {
    const fs = memoryFs({});
    // 200 listeners with one option each: every edit below changes a line no patch changed before.
    let lines = [...Array.from({ length: 200 }, (_, i) => [`listener ${2000 + i}`, `max_connections ${i}`]).flat(), ''];
    let parsed = parse(lines.join('\n'), MAIN);
    let model = buildConfig({ main: parsed, path: MAIN }, settings('2.1.2'), fs);
    let flattened = 0;
    for (let i = 1; i <= 200; i++) {
      lines = lines.slice();
      lines[2 * i - 1] = `max_connections ${1000 + i}`;
      const text = lines.join('\n');
      const next = parse(text, MAIN, parsed);
      const updated = updateConfig(model, { main: next, path: MAIN }, settings('2.1.2'), fs);
      assert.ok(patchedFrom(model, updated), `edit ${i}`);
      if (i % 40 === 0 || i === 200) {
        assert.deepEqual(modelShape(updated), modelShape(buildConfig({ main: parse(text, MAIN), path: MAIN }, settings('2.1.2'), fs)), `edit ${i}`);
      }
      if (updated.placements instanceof Map) {
        flattened++;
      }
      parsed = next;
      model = updated;
    }
    assert.ok(flattened > 0 && flattened < 200, String(flattened));
  });

  test('analyze with a FindingsCache patches the last model and gives the diagnostics of a fresh analysis', () => {
    const cache = new FindingsCache();
    const fs = memoryFs({});
    const first = parse(TEXT, MAIN);
    const a = analyze({ text: TEXT, uri: MAIN, path: MAIN }, settings('2.1.2'), fs, first, cache);
    assert.equal(cache.model, a.model);
    const after = TEXT.replace('max_connections 5', 'max_connections x');
    const b = analyze({ text: after, uri: MAIN, path: MAIN }, settings('2.1.2'), fs, parse(after, MAIN, first), cache);
    assert.ok(patchedFrom(a.model, b.model));
    assert.deepEqual(b.diagnostics, analyze({ text: after, uri: MAIN, path: MAIN }, settings('2.1.2'), fs).diagnostics);
    assert.ok([...b.diagnostics.values()].flat().some((d) => d.code === 'invalid-number'));
  });
});
