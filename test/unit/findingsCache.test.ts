import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ParsedFile, Rule, RuleFindings } from '../../server/src/service';
import { analyze, buildConfig, FindingsCache, NO_FILE_SYSTEM, parse, runRules, updateConfig } from '../../server/src/service';
import { lineOf, spanRange } from '../../server/src/service/parser/parser';
import { atName, configurationRule, directiveRule, EVERY_DIRECTIVE, nameSpan, sectionRule, span } from '../../server/src/service/engine/rule';
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

/** Parses `text` (from `previous`), builds its model and runs `rules` with `cache`. */
function runOn(
  rules: Rule[],
  text: string,
  previous: ParsedFile | undefined,
  cache: FindingsCache | undefined,
  version = '2.1.2',
): { parsed: ParsedFile; results: RuleFindings[] } {
  const parsed = parse(text, URI, previous);
  const s = settings(version);
  const model = buildConfig({ main: parsed }, s, NO_FILE_SYSTEM);
  return { parsed, results: runRules(rules, model, s, NO_FILE_SYSTEM, cache) };
}

function run(
  rules: Rule[],
  text: string,
  previous: ParsedFile | undefined,
  cache: FindingsCache | undefined,
  version = '2.1.2',
): { parsed: ParsedFile; messages: string[] } {
  const { parsed, results } = runOn(rules, text, previous, cache, version);
  return { parsed, messages: results.flatMap((r) => r.findings.map((f) => `${r.rule.id}: ${String(f.message)}`)) };
}

/** One analysis of `text` as an editor runs it: the model patched from the cache's last one when it can be. */
function edit(rules: Rule[], text: string, previous: ParsedFile | undefined, cache: FindingsCache | undefined): { parsed: ParsedFile; messages: string[] } {
  const parsed = parse(text, URI, previous);
  const s = settings('2.1.2');
  const model = updateConfig(cache?.model, { main: parsed }, s, NO_FILE_SYSTEM);
  if (cache) {
    cache.model = model;
  }
  return { parsed, messages: runRules(rules, model, s, NO_FILE_SYSTEM, cache).flatMap((r) => r.findings.map((f) => String(f.message))) };
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

suite('findings cache: lines that move keep their findings (position-free lines)', () => {
  /** A line-local rule that records the lines it is asked about and reports on each keyword. */
  function lineRule(): { rules: Rule[]; seen: string[] } {
    const seen: string[] = [];
    const rule = directiveRule({
      id: 'test-line-local',
      title: 'counts',
      directives: EVERY_DIRECTIVE,
      lineLocal: true,
      check(d, { report }) {
        seen.push(d.text);
        report(atName(d, `${d.name} ${d.value}`, 'hint'));
      },
    });
    return { rules: [rule], seen };
  }

  /** Runs rules and gives each finding as 'line:column message' (the lines come from the parse). */
  function located(rules: Rule[], text: string, previous: ParsedFile | undefined, cache: FindingsCache): { parsed: ParsedFile; found: string[] } {
    const { parsed, results } = runOn(rules, text, previous, cache);
    const found = results.flatMap((r) =>
      r.findings.map((f) => {
        assert.ok(f.at, 'findings on configuration lines anchor on spans');
        const range = spanRange(parsed, f.at);
        return `${range.start.line}:${range.start.character} ${typeof f.message === 'string' ? f.message : f.message((at) => lineOf(parsed, at) + 1)}`;
      }),
    );
    return { parsed, found };
  }

  test('a line inserted above a directive does not re-run its line-local rules; its finding moves down with it', () => {
    const { rules, seen } = lineRule();
    const cache = new FindingsCache();
    const first = located(rules, TEXT, undefined, cache);
    assert.deepEqual(seen, ['listener 1883', 'max_connections 10', 'listener 8883', 'max_connections 20']);
    seen.length = 0;
    const edited = TEXT.replace('listener 8883', 'max_queued_messages 5\nlistener 8883');
    const second = located(rules, edited, first.parsed, cache);
    // Only the inserted line is checked; every directive below it keeps its object and findings.
    assert.deepEqual(seen, ['max_queued_messages 5']);
    assert.equal(second.parsed.lines[4], first.parsed.lines[3]);
    assert.deepEqual(second.found, ['1:0 listener 1883', '2:0 max_connections 10', '3:0 max_queued_messages 5', '4:0 listener 8883', '5:0 max_connections 20']);
    assert.deepEqual(second.found, located(lineRule().rules, edited, undefined, new FindingsCache()).found);
    // Removing it again re-checks nothing.
    seen.length = 0;
    const third = located(rules, TEXT, second.parsed, cache);
    assert.deepEqual(seen, []);
    assert.deepEqual(third.found, first.found);
  });

  test('a comment line inserted above or inside sections keeps their cached section findings', () => {
    const { rules, calls } = countingRules();
    const cache = new FindingsCache();
    const first = run(rules, TEXT, undefined, cache);
    calls.local.length = 0;
    for (const edited of [
      `# new first line\n${TEXT}`,
      TEXT.replace('max_connections 10', '# a note\nmax_connections 10'),
      TEXT.replace('listener 8883', '\n\nlistener 8883'),
    ]) {
      const second = run(rules, edited, first.parsed, cache);
      // Neither the section-local rule nor the sections-only rule runs again; the uncached one does.
      assert.deepEqual(calls.local, [], edited);
      assert.equal(calls.sections, 1, edited);
      assert.deepEqual(second.messages, first.messages);
      assert.deepEqual(second.messages, run(countingRules().rules, edited, undefined, undefined).messages);
    }
  });

  test('a kept finding that names another line names it where it is now', () => {
    const text = 'listener 1883\nlistener 1883\n';
    const cache = new FindingsCache();
    const first = analyze({ text, uri: URI }, settings('2.1.2'), NO_FILE_SYSTEM, parse(text, URI), cache);
    const edited = `# moved down\n${text}`;
    const second = analyze({ text: edited, uri: URI }, settings('2.1.2'), NO_FILE_SYSTEM, parse(edited, URI, first.parsed), cache);
    const duplicate = second.diagnostics.get(URI)?.find((d) => d.code === 'duplicate-listener');
    assert.ok(duplicate);
    assert.equal(duplicate.range.start.line, 2);
    assert.match(String(duplicate.message), /listener on line 2\b/);
    assert.deepEqual(second.diagnostics, analyze({ text: edited, uri: URI }, settings('2.1.2')).diagnostics);
  });
});

suite('findings cache: directive rules that are not line-local', () => {
  test('a directive rule is asked again only on the lines where it read the model', () => {
    const asked: string[] = [];
    const rules: Rule[] = [
      directiveRule({
        id: 'test-reads-model-on-listeners',
        title: 'counts',
        directives: EVERY_DIRECTIVE,
        check(d, context) {
          asked.push(`${d.name} ${d.value}`);
          // Only listener lines look at the model; the others depend on their own text alone.
          const detail = d.name === 'listener' ? `, ${context.model.listeners.length} listeners` : '';
          context.report({ file: d.file, at: nameSpan(d), message: `${d.name} ${d.value}${detail}`, severity: 'hint' });
        },
      }),
    ];
    const cache = new FindingsCache();
    const first = run(rules, TEXT, undefined, cache);
    assert.deepEqual(asked, ['listener 1883', 'max_connections 10', 'listener 8883', 'max_connections 20']);
    asked.length = 0;
    const edited = TEXT.replace('max_connections 20', 'max_connections 30');
    const second = run(rules, edited, first.parsed, cache);
    assert.deepEqual(asked, ['listener 1883', 'listener 8883', 'max_connections 30']);
    assert.deepEqual(second.messages, run(rules, edited, undefined, undefined).messages);
    assert.ok(second.messages.includes('test-reads-model-on-listeners: listener 8883, 2 listeners'));
    assert.ok(second.messages.includes('test-reads-model-on-listeners: max_connections 10'));
  });
});

suite('findings cache: the per-section work of a configuration rule', () => {
  /** A configuration rule that counts its per-section work and reports one finding per listener with entries. */
  function perSectionRule(): { rules: Rule[]; asked: string[] } {
    const asked: string[] = [];
    const rules: Rule[] = [
      configurationRule<undefined, string | undefined>({
        id: 'test-per-section',
        title: 'counts',
        perSection(section) {
          asked.push(section.id);
          const last = section.entries[section.entries.length - 1];
          return last === undefined ? undefined : `${section.id} ends with ${last.name} ${last.value}`;
        },
        check({ model, report }, ofSection) {
          for (const section of model.listeners) {
            const message = ofSection(section);
            if (message !== undefined) {
              report({ file: model.main.uri, at: span(model.main.lines[0], 0, 0), message, severity: 'hint' });
            }
          }
        },
      }),
    ];
    return { rules, asked };
  }

  test('an edit inside one listener asks again for that listener only; the result equals a fresh run', () => {
    const { rules, asked } = perSectionRule();
    const cache = new FindingsCache();
    const first = edit(rules, TEXT, undefined, cache);
    assert.deepEqual(asked, ['listener:0', 'listener:1']);
    asked.length = 0;
    const edited = TEXT.replace('max_connections 20', 'max_connections 30');
    const second = edit(rules, edited, first.parsed, cache);
    assert.deepEqual(asked, ['listener:1']);
    assert.deepEqual(second.messages, ['listener:0 ends with max_connections 10', 'listener:1 ends with max_connections 30']);
    assert.deepEqual(second.messages, edit(perSectionRule().rules, edited, undefined, undefined).messages);
  });

  test('a structure edit (a new model) asks for every section again; without a cache every run asks', () => {
    const { rules, asked } = perSectionRule();
    const cache = new FindingsCache();
    const first = edit(rules, TEXT, undefined, cache);
    asked.length = 0;
    const edited = TEXT.replace('listener 8883', 'listener 8884');
    const second = edit(rules, edited, first.parsed, cache);
    assert.deepEqual(asked, ['listener:0', 'listener:1']);
    assert.deepEqual(second.messages, ['listener:0 ends with max_connections 10', 'listener:1 ends with max_connections 20']);
    asked.length = 0;
    edit(rules, TEXT, undefined, undefined);
    edit(rules, TEXT, undefined, undefined);
    assert.deepEqual(asked, ['listener:0', 'listener:1', 'listener:0', 'listener:1']);
  });
});

suite('findings cache: directive rules that read their own placement', () => {
  /** A directive rule that counts its calls and reports where each line landed; `other` also reads the line above's placement. */
  function placementRule(other = false): { rules: Rule[]; asked: string[] } {
    const asked: string[] = [];
    const rules: Rule[] = [
      directiveRule({
        id: 'test-placement',
        title: 'counts',
        directives: EVERY_DIRECTIVE,
        check(d, context) {
          asked.push(`${d.name} ${d.value}`);
          const placed = context.placement(d);
          const above = other ? context.model.order[context.model.order.indexOf(d) - 1] : undefined;
          const extra = above !== undefined ? ` after ${context.placement(above)?.kind ?? 'none'}` : '';
          context.report({ file: d.file, at: nameSpan(d), message: `${d.name} ${d.value}: ${placed?.kind ?? 'none'}${extra}`, severity: 'hint' });
        },
      }),
    ];
    return { rules, asked };
  }

  test('a value edit (a patched model) asks only on the edited line; the findings equal a fresh run', () => {
    const { rules, asked } = placementRule();
    const cache = new FindingsCache();
    const first = edit(rules, TEXT, undefined, cache);
    assert.equal(asked.length, 4);
    asked.length = 0;
    const edited = TEXT.replace('max_connections 20', 'max_connections 30');
    const second = edit(rules, edited, first.parsed, cache);
    assert.deepEqual(asked, ['max_connections 30']);
    assert.deepEqual(second.messages, edit(placementRule().rules, edited, undefined, undefined).messages);
    asked.length = 0;
    edit(rules, TEXT, second.parsed, cache);
    assert.deepEqual(asked, ['max_connections 20']);
  });

  test('a structure edit (a model built again) asks on every line again, with the new placements', () => {
    const { rules, asked } = placementRule();
    const cache = new FindingsCache();
    const first = edit(rules, TEXT, undefined, cache);
    asked.length = 0;
    // The first listener line becomes a comment: its max_connections now lands before any listener.
    const edited = TEXT.replace('listener 1883', '#istener 1883');
    const second = edit(rules, edited, first.parsed, cache);
    assert.deepEqual(asked, ['max_connections 10', 'listener 8883', 'max_connections 20']);
    assert.deepEqual(second.messages, edit(placementRule().rules, edited, undefined, undefined).messages);
    assert.notDeepEqual(
      second.messages.filter((m) => m.startsWith('max_connections 10')),
      first.messages.filter((m) => m.startsWith('max_connections 10')),
    );
  });

  test("a rule that reads another line's placement is asked on every analysis; without a cache every run asks", () => {
    const { rules, asked } = placementRule(true);
    const cache = new FindingsCache();
    const first = edit(rules, TEXT, undefined, cache);
    asked.length = 0;
    const edited = TEXT.replace('max_connections 20', 'max_connections 30');
    const second = edit(rules, edited, first.parsed, cache);
    assert.deepEqual(asked, ['listener 1883', 'max_connections 10', 'listener 8883', 'max_connections 30']);
    assert.deepEqual(second.messages, edit(placementRule(true).rules, edited, undefined, undefined).messages);
    const plain = placementRule();
    edit(plain.rules, TEXT, undefined, undefined);
    edit(plain.rules, TEXT, undefined, undefined);
    assert.equal(plain.asked.length, 8);
  });
});
