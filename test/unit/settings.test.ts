import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { toAnalysisSettings } from '../../server/src/settings';
import { DIAGNOSTIC_SOURCE, formatVersion, NEWEST_RELEASE, parseVersion } from '../../server/src/service';
import { hostPlatform } from '../../server/src/nodeFileSystem';
import { findings, lint } from './helpers';

suite('settings: broker version', () => {
  test('X.Y means the newest patch release of that line: "2.0" is 2.0.22, "1.5" is 1.5.11', () => {
    assert.equal(formatVersion(parseVersion('2.0')!), '2.0.22');
    assert.equal(formatVersion(parseVersion('1.5')!), '1.5.11');
  });
  test('X.Y.Z is taken as written; a leading v and blanks are tolerated', () => {
    assert.equal(formatVersion(parseVersion('2.0.11')!), '2.0.11');
    assert.equal(formatVersion(parseVersion(' v2.1.0 ')!), '2.1.0');
  });
  test('anything else is refused: "", "2", "2.x", "latest", "2.0.11.1"', () => {
    for (const text of ['', '2', '2.x', 'latest', '2.0.11.1']) {
      assert.equal(parseVersion(text), undefined, text);
    }
  });
  test('the default is the newest release in the catalogue', () => {
    assert.equal(toAnalysisSettings(undefined).brokerVersion, NEWEST_RELEASE);
    assert.equal(toAnalysisSettings({ brokerVersion: 'auto' }).brokerVersion, NEWEST_RELEASE);
  });
  test('"auto" uses the detected broker version when there is one', () => {
    assert.equal(formatVersion(toAnalysisSettings({ brokerVersion: 'auto' }, parseVersion('2.0.11')).brokerVersion), '2.0.11');
  });
  test('an explicit version wins over the detected one; a bad one falls back', () => {
    assert.equal(formatVersion(toAnalysisSettings({ brokerVersion: '1.6' }, parseVersion('2.0.11')).brokerVersion), '1.6.15');
    assert.equal(toAnalysisSettings({ brokerVersion: 'newest' }).brokerVersion, NEWEST_RELEASE);
  });
  test('patch level changes results: certfile without keyfile is an error in 2.0.21, a warning in 2.0.20', () => {
    const text = 'listener 8883\ncertfile /s.crt\n';
    assert.deepEqual(findings(text, 'tls-certfile-without-keyfile', '2.0.21'), ['2:error']);
    assert.deepEqual(findings(text, 'tls-certfile-without-keyfile', '2.0.20'), ['2:warning']);
  });
});

suite('settings: platform, paths, rules', () => {
  test('platform: linux, windows, macos as given; auto (or anything else) is this machine', () => {
    assert.equal(toAnalysisSettings({ platform: 'windows' }).platform, 'windows');
    assert.equal(toAnalysisSettings({ platform: 'macos' }).platform, 'macos');
    assert.equal(toAnalysisSettings({ platform: 'auto' }).platform, hostPlatform());
    assert.equal(toAnalysisSettings({ platform: 'solaris' }).platform, hostPlatform());
  });
  test('checkPaths defaults to true', () => {
    assert.equal(toAnalysisSettings(undefined).checkPaths, true);
    assert.equal(toAnalysisSettings({ checkPaths: false }).checkPaths, false);
  });
  test('rule severities: valid words are kept, "default" and unknown words are dropped', () => {
    const rules = toAnalysisSettings({
      rules: { 'no-listener': 'off', 'anonymous-refused': 'error', 'deprecated-option': 'default', 'relative-path': 'loud' },
    }).rules;
    assert.deepEqual(rules, { 'no-listener': 'off', 'anonymous-refused': 'error' });
  });
});

suite('settings: per-rule severity and suppression in the analysis', () => {
  test('a rule set to "off" reports nothing', () => {
    assert.deepEqual(findings('listener 1883\n', 'anonymous-refused', '2.0.11', { rules: { 'anonymous-refused': 'off' } }), []);
  });
  test('a rule can be raised or lowered: warning -> error, error -> hint', () => {
    assert.deepEqual(findings('listener 1883\n', 'anonymous-refused', '2.0.11', { rules: { 'anonymous-refused': 'error' } }), ['1:error']);
    assert.deepEqual(findings('xyzzy 1\n', 'unknown-directive', '2.0.11', { rules: { 'unknown-directive': 'hint' } }), ['1:hint']);
  });
  test('overrides touch only their own rule', () => {
    const all = lint('xyzzy 1\nlistener 1883\n', '2.0.11', { rules: { 'unknown-directive': 'off' } });
    assert.ok(all.some((d) => d.code === 'anonymous-refused'));
  });
  test('"# mosquitto-lint-disable-next-line ID" silences that rule on the next line only', () => {
    const text = '# mosquitto-lint-disable-next-line unknown-directive\nxyzzy 1\nxyzzy 2\n';
    assert.deepEqual(findings(text, 'unknown-directive'), ['3:error']);
  });
  test('several ids, separated by commas or spaces; other rules still report', () => {
    const text = '# mosquitto-lint-disable-next-line anonymous-refused, global-option-in-section\nlistener 1883\n';
    assert.deepEqual(findings(text, 'anonymous-refused', '2.0.11'), []);
    const text2 = '# mosquitto-lint-disable-next-line deprecated-option\nport 1883\n';
    assert.deepEqual(findings(text2, 'anonymous-refused', '2.0.11'), ['2:warning']);
  });
  test('without ids it silences every rule on the next line', () => {
    assert.deepEqual(
      lint('# mosquitto-lint-disable-next-line\nxyzzy 1\n', '2.0.11').filter((d) => d.range.start.line === 1),
      [],
    );
  });
  test('an indented suppression comment is not a comment (and suppresses nothing)', () => {
    assert.deepEqual(findings('  # mosquitto-lint-disable-next-line unknown-directive\nxyzzy 1\n', 'unknown-directive'), ['2:error']);
  });
  test('every diagnostic carries source "mosquitto" and its rule id as code', () => {
    for (const d of lint('xyzzy 1\nlistener 1883\nallow_anonymous yes\n', '2.0.11')) {
      assert.equal(d.source, DIAGNOSTIC_SOURCE);
      assert.equal(DIAGNOSTIC_SOURCE, 'mosquitto');
      assert.match(String(d.code), /^[a-z-]+$/);
    }
  });
});
