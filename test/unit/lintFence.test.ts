import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const service = path.join(repoRoot, 'server', 'src', 'service');

/** The messages of the fence and the release rule for `code` planted at `file` (relative to the service; never written to disk). */
async function fenceMessages(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: path.join(service, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

suite('lint fence: rules, features and release literals', () => {
  test('a rule file that imports another rule file fails lint', async () => {
    const messages = await fenceMessages('rules/planted-rule.ts', "import other from './unknown-directive';\nexport default other;\n");
    assert.ok(
      messages.some((m) => /never imports another rule/.test(m)),
      messages.join('\n'),
    );
  });
  test('a companion rule file that imports a rule, a sibling or the table fails lint', async () => {
    const code = "import a from '../unknown-directive';\nimport b from './acl-user';\nimport { RULES } from '../index';\nexport default [a, b, RULES];\n";
    const messages = await fenceMessages('rules/companion/planted-rule.ts', code);
    assert.equal(messages.filter((m) => /never imports another rule/.test(m)).length, 3, messages.join('\n'));
  });
  test('a rule file may import the model layer and rule shapes', async () => {
    const code =
      "import { SINCE } from '../../model/reading';\nimport { aclLineRule } from '../../engine/companionRule';\nimport { spanRange } from '../../companion/reader';\nexport default [SINCE, aclLineRule, spanRange];\n";
    assert.deepEqual(await fenceMessages('rules/companion/planted-rule.ts', code), []);
    assert.deepEqual(
      await fenceMessages('rules/planted-rule.ts', "import { certificatePairRule } from '../engine/certificatePair';\nexport default certificatePairRule;\n"),
      [],
    );
  });
  test('a release literal fails lint anywhere in the service but model/reading.ts, data/ and version.ts', async () => {
    const code = "export const since = '2.1.0';\n";
    for (const file of ['model/planted.ts', 'util/planted.ts', 'companion/passwd/planted.ts', 'rules/companion/planted.ts', 'features/planted.ts']) {
      assert.ok(
        (await fenceMessages(file, code)).some((m) => /release literal/.test(m)),
        file,
      );
    }
    for (const file of ['model/reading.ts', 'data/planted.ts', 'version.ts']) {
      assert.deepEqual(await fenceMessages(file, code), [], file);
    }
  });
});
