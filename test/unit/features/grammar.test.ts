import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import { DIRECTIVE_NAMES, DIRECTIVES } from '../../../server/src/service';
import type { Grammar } from '../../../server/src/service/features/grammar';
import { buildGrammar, grammarKeywords, SCOPE, SCOPES, SECTION_STARTERS } from '../../../server/src/service/features/grammar';
import { REPO_ROOT } from './structureHelpers';

const GRAMMAR_FILE = path.join(REPO_ROOT, 'syntaxes/mosquitto-conf.tmLanguage.json');

function committed(): Grammar {
  return JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8')) as Grammar;
}

suite('grammar: generated from the catalogue', () => {
  test('the committed grammar is the generated one (run scripts/generate-grammar.mjs after catalogue changes)', () => {
    assert.deepEqual(committed(), JSON.parse(JSON.stringify(buildGrammar(DIRECTIVES))));
  });
  test('its keyword list equals the catalogue: every directive name, nothing else', () => {
    const { names } = grammarKeywords(committed());
    assert.deepEqual(names, [...DIRECTIVE_NAMES].sort());
    assert.equal(new Set(names).size, names.length, 'each name in one rule only');
  });
  test("its option families equal the catalogue's prefixes", () => {
    const prefixes = DIRECTIVES.filter((d) => d.prefix !== undefined)
      .map((d) => d.prefix ?? '')
      .sort();
    assert.deepEqual(grammarKeywords(committed()).prefixes, prefixes);
  });
  test('section starters have their own scope', () => {
    const grammar = committed();
    for (const name of SECTION_STARTERS) {
      const rule = grammar.repository[name];
      assert.equal(rule.beginCaptures?.['2']?.name, 'keyword.control.section.mosquitto-conf', name);
    }
  });
  test('directive names, booleans and keyword values are scoped apart (default themes colour keyword.* and constant.language.* alike)', () => {
    const family = (scope: string): string => scope.split('.').slice(0, 2).join('.');
    const grammar = committed();
    const directive = grammar.repository.booleans.beginCaptures?.['2']?.name ?? '';
    const boolean = grammar.repository.booleans.patterns?.[0]?.captures?.['1']?.name ?? '';
    assert.equal(directive, SCOPES.directive);
    assert.equal(boolean, 'constant.language.boolean.mosquitto-conf');
    assert.equal(SCOPES.enumValue, 'constant.language.enum.mosquitto-conf');
    for (const scope of [SCOPES.directive, SCOPES.pluginOption]) {
      assert.ok(!scope.startsWith('keyword.') && !scope.startsWith('constant.'), scope);
      assert.notEqual(family(scope), family(boolean));
    }
    // Every enum directive's value rule uses the keyword-value scope.
    const enumRules = grammar.repository.enums.patterns ?? [];
    assert.ok(enumRules.length >= 8);
    for (const rule of enumRules) {
      assert.equal(rule.beginCaptures?.['2']?.name, SCOPES.directive, rule.comment);
      assert.equal(rule.patterns?.[0]?.captures?.['1']?.name, SCOPES.enumValue, rule.comment);
    }
  });
  test('every enum value of the catalogue is in the grammar', () => {
    const text = fs.readFileSync(GRAMMAR_FILE, 'utf8');
    for (const spec of DIRECTIVES) {
      for (const value of spec.args.flatMap((a) => (a.type === 'enum' ? (a.values ?? []) : []))) {
        assert.ok(text.includes(value.replace(/\./g, '\\\\.')), `${spec.name} ${value}`);
      }
    }
  });
  test('scope name and the package.json contribution agree', () => {
    assert.equal(committed().scopeName, SCOPE);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: Array<{ scopeName: string; path: string; language: string }> };
    };
    assert.deepEqual(
      pkg.contributes.grammars.map((g) => [g.language, g.scopeName, path.normalize(g.path)]),
      ['conf', 'acl', 'passwd', 'psk'].map((k) => [`mosquitto-${k}`, `source.mosquitto-${k}`, path.normalize(`syntaxes/mosquitto-${k}.tmLanguage.json`)]),
    );
    for (const k of ['acl', 'passwd', 'psk']) {
      const grammar = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes', `mosquitto-${k}.tmLanguage.json`), 'utf8')) as { scopeName: string };
      assert.equal(grammar.scopeName, `source.mosquitto-${k}`);
    }
  });
  test('every regular expression compiles (as JavaScript, a close cousin of Oniguruma)', () => {
    const visit = (value: unknown): void => {
      if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if ((key === 'match' || key === 'begin' || key === 'end') && typeof child === 'string') {
            assert.doesNotThrow(() => new RegExp(child.replace(/\\G/g, '')), child);
          } else {
            visit(child);
          }
        }
      }
    };
    visit(committed());
  });
});

suite('language configuration', () => {
  const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'language-configuration.json'), 'utf8')) as {
    comments: { lineComment: string };
    wordPattern: string;
    autoClosingPairs: unknown[];
  };
  test('# is the line comment token', () => {
    assert.equal(config.comments.lineComment, '#');
  });
  test('every directive name is one word (double-click and completion replace the whole name)', () => {
    const word = new RegExp(`^(?:${config.wordPattern})$`);
    for (const name of [...DIRECTIVE_NAMES, 'plugin_opt_*', '0.0.0.0', 'tlsv1.3', '-1']) {
      assert.match(name, word, name);
    }
  });
  test('no auto-closing quotes: the broker keeps quotes as part of a value', () => {
    assert.deepEqual(config.autoClosingPairs, []);
  });
});
