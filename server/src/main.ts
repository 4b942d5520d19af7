import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

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
  // Anything written to stdout would corrupt the stdio protocol: send console output to stderr.
  console.log = console.info = (...items: unknown[]) => process.stderr.write(`${items.map(String).join(' ')}\n`);
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, VERSION);
}
