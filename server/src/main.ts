import type { MessageReader } from 'vscode-languageserver/node';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { OneWriteMessageWriter } from './stdioWriter';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const HELP = `Usage: mosquitto-language-server --stdio | --node-ipc | --socket=PORT

Language server for mosquitto.conf (Language Server Protocol).
  --stdio        talk JSON-RPC over stdin/stdout
  --node-ipc     talk over Node IPC (when started by a Node client such as VS Code)
  --socket=PORT  connect to a socket on PORT
  --help         show this help
  --version      show the version
Settings are read from the 'mosquitto' section (brokerVersion, platform, checkPaths, rules).`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${HELP}\n`);
} else if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--clientProcessId'))) {
  process.stderr.write(`mosquitto-language-server: choose a transport.\n${HELP}\n`);
  process.exitCode = 2;
} else {
  // No allocation-site pretenuring: on the first analysis of a large document V8 sometimes
  // decides that the parse's short-lived objects (argument lists, strings cut from a line)
  // should be allocated in old space from then on, and ~20-35 MB of garbage stays committed:
  // the server's memory after opening the bench's 100k-line file was 162 MB (median of 7,
  // runs between 144 and 181) and is 144 MB with this switch (7 of 7 runs 144-146); edit latency
  // and the first analysis measured the same (docs/benchmarks.md, "The targets that are met").
  setFlagsFromString('--no-allocation-site-pretenuring');
  // Anything written to stdout would corrupt the stdio protocol: send console output to stderr.
  console.log = console.info = (...items: unknown[]) => process.stderr.write(`${items.map(String).join(' ')}\n`);
  const stdio = args.includes('--stdio');
  // Over stdio each message goes out in one write (stdioWriter.ts). stdin is handed as the
  // stream it is: the library reads it and exits when it closes, as for --stdio (its typings
  // know a pair of streams or a reader and a writer, not one of each).
  const connection = stdio
    ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new OneWriteMessageWriter(process.stdout))
    : createConnection(ProposedFeatures.all);
  if (stdio) {
    // As the library does for --stdio: console output goes to the client's log, never to stdout.
    console.log = (...items: unknown[]) => connection.console.log(items.map(String).join(' '));
    console.info = (...items: unknown[]) => connection.console.info(items.map(String).join(' '));
    console.warn = (...items: unknown[]) => connection.console.warn(items.map(String).join(' '));
    console.error = (...items: unknown[]) => connection.console.error(items.map(String).join(' '));
  }
  startServer(connection, VERSION);
}
