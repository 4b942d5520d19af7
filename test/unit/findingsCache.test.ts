import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ParsedFile, Rule } from '../../server/src/service';
import { buildConfig, FindingsCache, NO_FILE_SYSTEM, parse, runRules } from '../../server/src/service';
import { configurationRule, nameSpan, sectionRule, span } from '../../server/src/service/engine/rule';
import { settings } from './helpers';

/** Rules that count how often they are asked, and report one finding per section (or run). */
function countingRules(): { rules: Rule[]; calls: { local: string[]; uncached: number; sections: number } } {
  const calls = { local: [] as string[], uncached: 0, sections: 0 };
  const rules: Rule[] = [
    sectionRule({
      id: 'test-section-local',
      title: 'counts',
      sections: 'active-listeners',
      sectionLocal: true,
      check(section, { report }) {
        calls.local.push(section.id);
        const d = section.entries[section.entries.length - 1] ?? section.header;
        if (d) {
          report({ file: d.file, at: nameSpan(d), message: `${section.id} ends with ${d.name} ${d.value}`, severity: 'hint' });
        }
      },
    }),
    sectionRule({
      id: 'test-section-uncached',
      title: 'counts',
      sections: 'active-listeners',
      check() {
        calls.uncached++;
      },
    }),
    configurationRule({
      id: 'test-sections-only',
      title: 'counts',
      sectionsOnly: true,
      check({ model, report }) {
        calls.sections++;
        report({
          file: model.main.uri,
          at: span(model.main.lines[0], 0, 0),
          message: `${model.listeners.length} listeners`,
          severity: 'hint',
        });
      },
    }),
  ];
  return { rules, calls };
}

const URI = 'untitled:cache.conf';
const TEXT = '# comment\nlistener 1883\nmax_connections 10\nlistener 8883\nmax_connections 20\n';

function run(
  rules: Rule[],
  text: string,
  previous: ParsedFile | undefined,
  cache: FindingsCache | undefined,
  version = '2.1.2',
): { parsed: ParsedFile; messages: string[] } {
  const parsed = parse(text, URI, previous);
  const s = settings(version);
  const model = buildConfig({ main: parsed }, s, NO_FILE_SYSTEM);
  const messages = runRules(rules, model, s, NO_FILE_SYSTEM, cache).flatMap((r) => r.findings.map((f) => `${r.rule.id}: ${f.message}`));
  return { parsed, messages };
}

suite('findings cache: section and configuration rules', () => {
  test('an edit inside one section re-runs the section-local rule for that section only, and the sections-only rule once', () => {
    const { rules, calls } = countingRules();
    const cache = new FindingsCache();
    const first = run(rules, TEXT, undefined, cache);
    assert.deepEqual(calls, { local: ['listener:0', 'listener:1'], uncached: 2, sections: 1 });
    calls.local.length = 0;
    const edited = TEXT.replace('max_connections 20', 'max_connections 30');
    const second = run(rules, edited, first.parsed, cache);
    assert.deepEqual(calls, { local: ['listener:1'], uncached: 4, sections: 2 });
    assert.deepEqual(second.messages, run(countingRules().rules, edited, undefined, undefined).messages);
    assert.ok(second.messages.includes('test-section-local: listener:1 ends with max_connections 30'));
  });

  test('an edit outside every section re-runs neither cached rule, and their findings stay', () => {
    const { rules, calls } = countingRules();
    const cache = new FindingsCache();
    const first = run(rules, TEXT, undefined, cache);
    calls.local.length = 0;
    const edited = TEXT.replace('# comment', '# another');
    const second = run(rules, edited, first.parsed, cache);
    assert.deepEqual(calls, { local: [], uncached: 4, sections: 1 });
    assert.deepEqual(second.messages, first.messages);
  });

  test('other settings start afresh', () => {
    const { rules, calls } = countingRules();
    const cache = new FindingsCache();
    const first = run(rules, TEXT, undefined, cache);
    calls.local.length = 0;
    run(rules, TEXT, first.parsed, cache, '2.0.11');
    assert.deepEqual(calls, { local: ['listener:0', 'listener:1'], uncached: 4, sections: 2 });
  });
});
