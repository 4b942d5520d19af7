import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/service';
import { formatDocument } from '../../../server/src/service/features/formatting';
import { applyEdits } from './featureHelpers';
import { brokerReading, corpusFiles, fixtureFiles, range, version } from './structureHelpers';

function edits(text: string, release = '2.1.2', options: Partial<FormattingOptions> = {}, within?: Range): TextEdit[] {
  return formatDocument(parse(text), { brokerVersion: version(release) }, options, within);
}

function format(text: string, release = '2.1.2', options: Partial<FormattingOptions> = {}, within?: Range): string {
  return applyEdits(text, edits(text, release, options, within));
}

suite('formatting: between directive and value', () => {
  test('several spaces become one: "allow_anonymous    true"', () => {
    assert.deepEqual(edits('allow_anonymous    true\n'), [{ range: range(0, 16, 0, 19), newText: '' }]);
  });
  test('indentation before the keyword is left as it is', () => {
    assert.equal(format('  listener   1883\n'), '  listener 1883\n');
  });
  test('string values: the spaces before them go, their text stays: "password_file   \\"/etc/pw\\" # x"', () => {
    assert.equal(format('password_file   "/etc/pw" # x\n'), 'password_file "/etc/pw" # x\n');
  });
  test('only the gap after the keyword: spaces between later tokens stay', () => {
    assert.equal(format('listener  1883   127.0.0.1\n'), 'listener 1883   127.0.0.1\n');
  });
  test('raw values keep every space: include_dir, bridge_protocol_version, plugin, plugin_load', () => {
    for (const line of [
      'include_dir   /etc/mosquitto/conf.d',
      'bridge_protocol_version  mqttv311',
      'plugin   /usr/lib/p.so',
      'auth_plugin  /usr/lib/a.so',
      'global_plugin  /p.so',
      'plugin_load  name  /p.so ',
    ]) {
      assert.deepEqual(
        edits(`connection b\n${line}\n`).filter((e) => e.range.start.line === 1),
        [],
        line,
      );
    }
  });
  test('plugin options: the gap goes (leading blanks are skipped), trailing blanks stay', () => {
    assert.equal(format('plugin /p.so\nplugin_opt_db   /var/db  \n'), 'plugin /p.so\nplugin_opt_db /var/db  \n');
  });
  test('a tab is not a separator: "listener\\t1883" and "allow_anonymous \\ttrue" keep their tabs', () => {
    assert.deepEqual(edits('listener\t1883\n'), []);
    assert.equal(format('allow_anonymous   \ttrue\n'), 'allow_anonymous \ttrue\n');
  });
  test('unknown directives are not touched: "  # comment", "Listener  1883", "\\t", BOM', () => {
    for (const line of ['  # indented   ', 'Listener  1883  ', '\t', '\t  x  ', '\ufefflistener  1883  ']) {
      assert.deepEqual(edits(`${line}\nport 1883\n`), [], JSON.stringify(line));
    }
  });
});

suite('formatting: trailing white space', () => {
  test('trailing spaces after a token value are trimmed: "allow_anonymous true   "', () => {
    assert.deepEqual(edits('allow_anonymous true   \n'), [{ range: range(0, 20, 0, 23), newText: '' }]);
  });
  test('a trailing tab sticks to the token: only the spaces after it go', () => {
    assert.deepEqual(edits('allow_anonymous true\t\n'), []);
    assert.equal(format('allow_anonymous true \t  \n'), 'allow_anonymous true \t\n');
  });
  test('string values from 1.6.9: trailing blanks (tabs too) are trimmed', () => {
    assert.equal(format('password_file /etc/pw \t \n', '2.1.2'), 'password_file /etc/pw\n');
    assert.equal(format('password_file /etc/pw \t \n', '1.6.9'), 'password_file /etc/pw\n');
  });
  test('string values before 1.6.9 keep trailing blanks (part of the value)', () => {
    assert.deepEqual(edits('password_file /etc/pw  \n', '1.6.8'), []);
    assert.deepEqual(edits('password_file /etc/pw  \n', '1.5'), []);
  });
  test('a string value of blanks only is left alone (an error, but a different one)', () => {
    assert.deepEqual(edits('pid_file    \n'), []);
  });
  test('raw values keep trailing blanks: include_dir, bridge_protocol_version, log_dest file', () => {
    assert.deepEqual(edits('include_dir /etc/conf.d  \n'), []);
    assert.deepEqual(
      edits('connection b\nbridge_protocol_version mqttv311 \n').filter((e) => e.range.start.line === 1),
      [],
    );
    assert.deepEqual(edits('log_dest file /var/log/m.log  \n'), []);
    assert.deepEqual(edits('log_dest stdout  \n'), [{ range: range(0, 15, 0, 17), newText: '' }]);
  });
  test('listener before 1.5 read the address as the rest of the line: its trailing blanks stay', () => {
    assert.deepEqual(edits('listener 1883 0.0.0.0  \n', '1.4.15'), []);
    assert.equal(format('listener 1883 0.0.0.0  \n', '1.5.11'), 'listener 1883 0.0.0.0\n');
  });
  test('comments are never touched, trailing blanks included', () => {
    assert.deepEqual(edits('# a comment   \n#x\t\n'), []);
  });
  test('lines of spaces only are blank to the broker and become empty', () => {
    assert.equal(format('port 1883\n   \nlog_type all\n'), 'port 1883\n\nlog_type all\n');
  });
  test('trimTrailingWhitespace false: trailing blanks stay', () => {
    assert.deepEqual(edits('allow_anonymous true   \n', '2.1.2', { trimTrailingWhitespace: false }), []);
  });
});

suite('formatting: blank lines', () => {
  test('at most two blank lines in a row', () => {
    assert.equal(format('a 1\n\n\n\n\nb 2\n'), 'a 1\n\n\nb 2\n');
    assert.deepEqual(edits('a 1\n\n\n\n\nb 2\n'), [{ range: range(3, 0, 5, 0), newText: '' }]);
  });
  test('no blank lines at the start or the end of the file', () => {
    assert.equal(format('\n\n# c\nport 1883\n\n\n'), '# c\nport 1883\n');
    assert.equal(format('port 1883\n\n   '), 'port 1883\n');
  });
  test('trimFinalNewlines false keeps the blank lines at the end (at most two)', () => {
    assert.equal(format('port 1883\n\n\n\n', '2.1.2', { trimFinalNewlines: false }), 'port 1883\n\n\n');
  });
  test('one blank line before a listener header that follows a directive', () => {
    assert.deepEqual(edits('port 1883\nlistener 8883\ncertfile /c\n'), [{ range: range(1, 0, 1, 0), newText: '\n' }]);
  });
  test('…and before a connection header', () => {
    assert.equal(format('listener 1883\nconnection b\naddress h\n'), 'listener 1883\n\nconnection b\naddress h\n');
  });
  test('…above the comment lines that introduce the header', () => {
    assert.equal(format('allow_anonymous true\n# TLS\n# (public)\nlistener 8883\n'), 'allow_anonymous true\n\n# TLS\n# (public)\nlistener 8883\n');
  });
  test('no blank line added at the top of the file or where there is one', () => {
    assert.deepEqual(edits('listener 1883\n\nlistener 1884\n\n# c\nlistener 1885\n'), []);
  });
  test('CRLF files get CRLF blank lines; line endings are never changed', () => {
    assert.equal(format('port 1883\r\nlistener 8883  \r\n'), 'port 1883\r\n\r\nlistener 8883\r\n');
  });
  test('insertFinalNewline adds the missing line break', () => {
    assert.equal(format('port 1883', '2.1.2', { insertFinalNewline: true }), 'port 1883\n');
    assert.equal(format('port 1883'), 'port 1883');
  });
});

suite('formatting: what is left alone', () => {
  test('a carriage return inside a line: no edits (broker and editor disagree about lines)', () => {
    assert.deepEqual(edits('port   1883\rlistener 1884\n'), []);
  });
  test('nothing from the first NUL on (the broker stops reading there)', () => {
    const text = 'port   1883\nlog_type\0 all  \n\n\n\nallow_anonymous   true  \n';
    assert.equal(format(text), 'port 1883\nlog_type\0 all  \n\n\n\nallow_anonymous   true  \n');
  });
  test('range formatting touches only the lines of the range', () => {
    const text = 'port   1883\nallow_anonymous   true\nlog_type   all\n';
    assert.equal(format(text, '2.1.2', {}, range(1, 0, 2, 0)), 'port   1883\nallow_anonymous true\nlog_type   all\n');
  });
  test('range formatting: blank lines and header spacing inside the range only', () => {
    const text = 'a 1\n\n\n\n\nb 2\nlistener 1883\n';
    assert.equal(format(text, '2.1.2', {}, range(0, 0, 3, 0)), text);
    assert.equal(format(text, '2.1.2', {}, range(4, 0, 6, 5)), 'a 1\n\n\n\nb 2\n\nlistener 1883\n');
  });
  test('an empty document has no edits', () => {
    assert.deepEqual(edits(''), []);
  });
});

const RELEASES = ['2.1.2', '2.0.22', '2.0.12', '1.6.8', '1.5.11', '1.4.15'];

/** Formats, then checks the broker reading, idempotence and that no non-blank line is lost. */
function checkFormatting(files: readonly string[], release: string): void {
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.basename(file);
    const once = format(text, release);
    assert.deepEqual(
      brokerReading(once, version(release)),
      brokerReading(text, version(release)),
      `${name}: the broker reads something else after formatting (${release})`,
    );
    assert.equal(format(once, release), once, `${name}: formatting is not idempotent (${release})`);
    const nonBlank = (t: string): string[] => t.split('\n').filter((l) => l.trim().length > 0 && !/^ +$/.test(l));
    assert.equal(nonBlank(once).length, nonBlank(text).length, `${name}: a line was dropped (${release})`);
  }
}

suite('formatting: never changes what the broker reads', () => {
  const corpus = corpusFiles();
  for (const release of RELEASES) {
    test(`every corpus file keeps its broker reading, idempotently (${release})`, { skip: corpus.length === 0 ? 'corpus not found' : false }, () => {
      checkFormatting(corpus, release);
    });
  }
  test('every fixture keeps its broker reading, idempotently (all releases)', () => {
    const fixtures = fixtureFiles();
    for (const release of RELEASES) {
      checkFormatting(fixtures, release);
    }
  });
  test('the corpus is actually changed by formatting (the check is not vacuous)', { skip: corpus.length === 0 ? 'corpus not found' : false }, () => {
    const changed = corpus.filter((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return format(text) !== text;
    });
    assert.ok(changed.length > corpus.length / 10, `only ${changed.length} of ${corpus.length} files changed`);
  });
  test('tricky lines keep their reading in every release', () => {
    const text = [
      '  # indented',
      'listener   1883   # c  ',
      'listener\t1884',
      'password_file   "/etc/pw" # x \t ',
      'include_dir   /etc/conf.d  ',
      'log_dest   file   /var/log/x  ',
      'log_dest  topic  ',
      'plugin   /p.so  ',
      'plugin_opt_x    a b  ',
      'connection    b  ',
      'bridge_protocol_version   mqttv311  ',
      'topic   #   both   0  ',
      'pid_file    ',
      'allow_anonymous   true \t ',
      '',
      '',
      '',
      'listener 1 /tmp/s  ',
    ].join('\n');
    for (const release of RELEASES) {
      const once = format(text, release);
      assert.deepEqual(brokerReading(once, version(release)), brokerReading(text, version(release)), release);
      assert.equal(format(once, release), once, release);
    }
  });
});
