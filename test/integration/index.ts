// Entry point that VS Code's extension host loads through `extensionTestsPath`
// (both with @vscode/test-electron and in code-server). It runs every compiled
// `suites/*.test.js` with mocha's TDD UI and settles when mocha is done: VS Code exits
// the test run with 0 when the promise resolves and 1 when it rejects.
//
// Output goes through console.log, which the extension host forwards to the runner
// (stdout with test-electron, `codeAutomationLog` in code-server). The last line is
// machine-readable so the runners can report exact counts:
//   MOCHA_RESULT passed=N failed=M pending=P
//
// Environment (read in the extension host, which inherits the runner's environment):
//   MOSQUITTO_INTEGRATION_GREP   only run tests whose full title matches this regexp
//   MOSQUITTO_INTEGRATION_TEST_TIMEOUT_MS   per-test timeout (default 60000)
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

// Mocha's reporters call console.log with printf-style arguments ('%s', '%d'); code-server's
// log forwarding joins arguments without formatting them, so format here, once.
(Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args: unknown[]) => console.log(util.format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.MOSQUITTO_INTEGRATION_TEST_TIMEOUT_MS) || 60_000,
  });
  const grep = process.env.MOSQUITTO_INTEGRATION_GREP;
  if (grep) {
    mocha.grep(new RegExp(grep));
  }

  const suitesDir = path.join(__dirname, 'suites');
  const files = fs.existsSync(suitesDir)
    ? fs
        .readdirSync(suitesDir)
        .filter((name) => name.endsWith('.test.js'))
        .sort()
    : [];
  for (const file of files) {
    mocha.addFile(path.join(suitesDir, file));
  }

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      console.log(`MOCHA_RESULT passed=0 failed=1 pending=0`);
      reject(new Error(`no *.test.js files in ${suitesDir}`));
      return;
    }
    let passed = 0;
    let failed = 0;
    let pending = 0;
    const finish = (extraFailure?: unknown): void => {
      if (extraFailure !== undefined) {
        failed += 1;
        console.error('integration tests crashed:', extraFailure);
      }
      console.log(`MOCHA_RESULT passed=${passed} failed=${failed} pending=${pending}`);
      if (failed > 0) {
        reject(new Error(`${failed} integration test(s) failed`));
      } else if (passed === 0) {
        reject(new Error('no integration test ran'));
      } else {
        resolve();
      }
    };
    try {
      const runner = mocha.run(() => finish());
      runner.on('pass', () => {
        passed += 1;
      });
      // 'fail' also fires for failing hooks, which mocha counts as failures too.
      runner.on('fail', () => {
        failed += 1;
      });
      runner.on('pending', () => {
        pending += 1;
      });
    } catch (error) {
      finish(error);
    }
  });
}
