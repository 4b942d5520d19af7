import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import { DIRECTIVE_DOCS } from '../../server/src/service/data/docs';
import { COMPANION_RULES, CONFIGURABLE_RULES, DIRECTIVES, findDirective, INCLUDED_FILE_ERRORS, RULES } from '../../server/src/service';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const shared = path.join(repoRoot, '..', 'shared');

/** Every rule id users can configure: the rule table plus the include_dir summary. */
const ALL_IDS = [...RULES.map((r) => r.id), INCLUDED_FILE_ERRORS, ...COMPANION_RULES.map((r) => r.id)];

suite('catalogue: directives', () => {
  test('every name in reference/directives.json is in the catalogue, and nothing else', () => {
    const reference = (JSON.parse(readFileSync(path.join(shared, 'reference', 'directives.json'), 'utf8')) as { name: string }[]).map((d) => d.name).sort();
    const ours = DIRECTIVES.map((d) => d.name).sort();
    assert.deepEqual(
      ours.filter((n) => !reference.includes(n)),
      [],
      'in the catalogue but not in the reference',
    );
    assert.deepEqual(
      reference.filter((n) => !ours.includes(n)),
      [],
      'in the reference but not in the catalogue',
    );
  });
  test('catalogue names are unique', () => {
    const names = DIRECTIVES.map((d) => d.name);
    assert.equal(new Set(names).size, names.length);
  });
  test('every directive has documentation in data/docs.ts, and every doc entry is a directive', () => {
    assert.deepEqual(
      DIRECTIVES.filter((d) => DIRECTIVE_DOCS[d.name] === undefined).map((d) => d.name),
      [],
    );
    assert.deepEqual(
      Object.keys(DIRECTIVE_DOCS).filter((n) => !DIRECTIVES.some((d) => d.name === n)),
      [],
    );
  });
  test('synonyms point at a catalogue entry', () => {
    for (const d of DIRECTIVES.filter((x) => x.aliasOf !== undefined)) {
      assert.ok(findDirective(d.aliasOf ?? ''), `${d.name} -> ${String(d.aliasOf)}`);
    }
  });
  test('every directive is found by its own name (families by a sample key)', () => {
    for (const d of DIRECTIVES) {
      const sample = d.prefix !== undefined ? `${d.prefix}sample_key` : d.name;
      assert.equal(findDirective(sample), d, d.name);
    }
  });
});

suite('catalogue: rules', () => {
  test('rule ids are unique kebab-case', () => {
    assert.equal(new Set(ALL_IDS).size, ALL_IDS.length);
    for (const id of ALL_IDS) {
      assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, id);
    }
  });
  test('every rule has a title', () => {
    for (const rule of RULES) {
      assert.ok(rule.title.length > 0, rule.id);
    }
  });
  test('every rule id has a section in docs/rules.md, and every section is a rule id', () => {
    const docs = readFileSync(path.join(repoRoot, 'docs', 'rules.md'), 'utf8');
    const sections = [...docs.matchAll(/^## (\S+)\s*$/gm)].map((m) => m[1]);
    assert.deepEqual(
      ALL_IDS.filter((id) => !sections.includes(id)),
      [],
      'rules without a section',
    );
    assert.deepEqual(
      sections.filter((s) => !ALL_IDS.includes(s)),
      [],
      'sections without a rule',
    );
  });
  test('every rule id has a test file test/unit/rules/<id>.test.ts', () => {
    const dir = path.join(repoRoot, 'test', 'unit', 'rules');
    assert.deepEqual(
      ALL_IDS.filter((id) => !existsSync(path.join(dir, `${id}.test.ts`))),
      [],
    );
    const extra = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.test\.ts$/, ''))
      .filter((id) => !ALL_IDS.includes(id));
    assert.deepEqual(extra, [], 'test files for unknown rule ids');
  });
  test('every rule id has at least one invalid fixture test/fixtures/invalid/<id>*.{conf,acl,pwfile,psk,json}', () => {
    const names = readdirSync(path.join(repoRoot, 'test', 'fixtures', 'invalid')).filter((f) => /\.(conf|acl|pwfile|psk|json)$/.test(f));
    // Rule ids are prefixes of each other (bridge-tls / bridge-topic): match the longest.
    const owner = (file: string): string | undefined =>
      ALL_IDS.filter((id) => file === `${id}${path.extname(file)}` || file.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0];
    const covered = new Set(names.map(owner));
    assert.deepEqual(
      ALL_IDS.filter((id) => !covered.has(id)),
      [],
    );
    assert.deepEqual(
      names.filter((f) => owner(f) === undefined),
      [],
      'fixtures named after no rule',
    );
  });
  test('package.json mosquitto.rules lists exactly the rule ids', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } };
    };
    const listed = Object.keys(manifest.contributes.configuration.properties['mosquitto.rules'].properties ?? {}).sort();
    assert.deepEqual(listed, [...ALL_IDS].sort());
  });
  test('package.json mosquitto.rules is what scripts/generate-rule-settings.mjs writes from the rule table', () => {
    // The script compares package.json with the settings generated from CONFIGURABLE_RULES.
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate-rule-settings.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stderr}${run.stdout} (run: npm run generate:rule-settings)`);
  });
  test('every rule lives in a file named by its id (rules/<id>.ts, companion rules in rules/companion/<id>.ts)', () => {
    const service = path.join(repoRoot, 'server', 'src', 'service');
    for (const rule of RULES) {
      assert.ok(existsSync(path.join(service, 'rules', `${rule.id}.ts`)), rule.id);
    }
    for (const rule of COMPANION_RULES) {
      const file = path.join(service, 'rules', 'companion', `${rule.id}.ts`);
      assert.ok(existsSync(file), rule.id);
      assert.match(readFileSync(file, 'utf8'), new RegExp(`id: '${rule.id}'`), `${rule.id}.ts declares its own id`);
    }
    const files = readdirSync(path.join(service, 'rules', 'companion')).filter((f) => f !== 'index.ts');
    assert.deepEqual(
      files.filter((f) => !COMPANION_RULES.some((r) => `${r.id}.ts` === f)),
      [],
      'files in rules/companion/ that are no rule',
    );
  });
  test('the configurable rules are exactly the rule ids, each with a title', () => {
    assert.deepEqual(CONFIGURABLE_RULES.map((r) => r.id).sort(), [...ALL_IDS].sort());
    for (const rule of CONFIGURABLE_RULES) {
      assert.ok(rule.title.length > 0, rule.id);
    }
  });
});
