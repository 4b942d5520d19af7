// No diagnostic, hover, quick fix or payload may carry key material or file contents: every
// material file is put in every TLS option, and everything the service returns is scanned.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/service/features/codeActions';
import { hover } from '../../../server/src/service/features/hover';
import { analysisOf, DOCUMENT_PATH } from '../features/featureHelpers';
import { tlsDir } from '../tlsMaterial';
import { diskWithTls } from './tlsHelpers';

const OPTIONS = ['cafile', 'certfile', 'keyfile', 'crlfile', 'dhparamfile', 'capath'];

/** Every regular file of the material folder, recursively (symlinks included). */
function materialFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    return stat?.isDirectory() ? materialFiles(full) : stat?.isFile() && stat.size < 1 << 20 ? [full] : [];
  });
}

/** Pieces of secret material: base64 lines of PEM key blocks, and hex of DER key bytes. */
function secrets(files: string[]): string[] {
  const found = new Set<string>(['not-a-real-secret']);
  for (const file of files) {
    const bytes = readFileSync(file);
    const text = bytes.toString('latin1');
    for (const block of text.matchAll(/-----BEGIN ([A-Z ]*PRIVATE KEY)-----([\s\S]*?)-----END/g)) {
      for (const line of block[2].split(/\r?\n/).filter((l) => /^[A-Za-z0-9+/=]{24,}$/.test(l))) {
        found.add(line.slice(0, 24));
      }
    }
    if (!text.includes('-----BEGIN') && bytes.length > 64) {
      found.add(bytes.subarray(16, 40).toString('hex'));
      found.add(bytes.subarray(16, 40).toString('base64'));
    }
  }
  return [...found];
}

suite('no key material in anything the service returns', () => {
  test('diagnostics, related information, payloads, hovers and quick fixes of every material file in every option', () => {
    const dir = tlsDir();
    const files = materialFiles(dir);
    const pieces = secrets(files);
    assert.ok(pieces.length > 10, 'the scan has secrets to look for');
    const fs = diskWithTls();
    const outputs: string[] = [];
    for (const file of files) {
      for (const option of OPTIONS) {
        for (const version of ['1.6.15', '2.0.11', '2.1.2']) {
          const text = `listener 8883\nallow_anonymous true\n${option} ${file}\ncertfile ${dir}/server.key\nkeyfile ${file}\nconnection b\naddress 127.0.0.1\ntopic # both\nbridge_${option === 'crlfile' || option === 'dhparamfile' ? 'cafile' : option} ${file}\n`;
          const analysis = analysisOf(text, version, { checkPaths: true }, fs);
          const diagnostics = analysis.diagnostics.get(DOCUMENT_PATH) ?? [];
          outputs.push(JSON.stringify(diagnostics));
          for (const line of [2, 3, 4, 8]) {
            for (const markdown of [true, false]) {
              const result = hover(analysis, DOCUMENT_PATH, { line, character: text.split('\n')[line].length - 2 }, { markdown }, fs);
              outputs.push(result ? (result.contents as MarkupContent).value : '');
            }
          }
          outputs.push(
            JSON.stringify(
              codeActions(
                analysis,
                { uri: DOCUMENT_PATH, fileId: DOCUMENT_PATH, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, diagnostics },
                { fs },
              ),
            ),
          );
        }
      }
    }
    const all = outputs.join('\n');
    assert.ok(all.includes('PKCS#12') && all.includes('Subject'), 'the scan saw findings and hovers');
    assert.doesNotMatch(all, /-----BEGIN|-----END/, 'a PEM armour line');
    assert.doesNotMatch(all, /(?:[0-9A-Fa-f]{2}:){16,}/, 'a colon hex dump');
    assert.doesNotMatch(all, /[0-9a-f]{40,}/i, 'a hex dump');
    for (const piece of pieces) {
      assert.ok(!all.includes(piece), 'a piece of a key file appears in the output');
    }
  });
});
