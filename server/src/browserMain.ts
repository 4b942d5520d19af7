/**
 * Browser entry of the language server (web extension, in a web worker): the same server and
 * pure language service over the worker's messages. Bundled with stand-ins for Node's modules
 * (esbuild.mjs): no disk (no path checks, configuration file or include_dir contents) and no
 * broker (the client marks the workspace untrusted).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import type { Connection } from 'vscode-languageserver/node';
import { startServer } from './server';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** The worker's global scope, as far as the message reader and writer use it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection as unknown as Connection, VERSION);
