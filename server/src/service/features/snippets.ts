import type { Position } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/config';
import type { Directive, ParsedFile } from '../parser/parser';
import type { Platform } from '../types';
import type { Version } from '../version';
import { atLeast, NEWEST_RELEASE } from '../version';
import { hasLineBreakAfter, lineBreakOf } from '../model/lineEdits';
import { SINCE } from '../model/reading';

/** What a snippet adapts to. */
export interface SnippetOptions {
  readonly platform: Platform;
  readonly version: Version;
  /** Ports already used by listeners: the snippet proposes the next free one. */
  readonly usedPorts?: ReadonlySet<number>;
  /** Bridge names already used. */
  readonly usedBridgeNames?: ReadonlySet<string>;
}

/** One snippet: the single source for completion items, the code action and snippets/mosquitto-conf.json. */
export interface SnippetDefinition {
  /** Stable id; also the completion label and the static snippet's prefix. */
  readonly id: string;
  /** Title of the static snippet and of the completion item's description. */
  readonly name: string;
  readonly description: string;
  /** Body lines in LSP snippet syntax (`${1:default}`, `${2|a,b|}`). */
  body(options: SnippetOptions): string[];
}

function firstFree(preferred: number, used: ReadonlySet<number> | undefined): number {
  let port = preferred;
  while (used?.has(port) && port < 65535) {
    port++;
  }
  return port;
}

function certificateFolder(platform: Platform): string {
  return platform === 'windows' ? 'C:/mosquitto/certs' : '/etc/mosquitto/certs';
}

/** `socket_domain ipv4` where websockets listeners need it (Windows, from 1.5.5 which has the option). */
function websocketsExtras(options: SnippetOptions): string[] {
  return options.platform === 'windows' && atLeast(options.version, SINCE.socketDomain) ? ['socket_domain ipv4'] : [];
}

function certificateLines(options: SnippetOptions, first: number): string[] {
  const folder = certificateFolder(options.platform);
  return [`cafile \${${first}:${folder}/ca.crt}`, `certfile \${${first + 1}:${folder}/server.crt}`, `keyfile \${${first + 2}:${folder}/server.key}`];
}

export const WSS_LISTENER_SNIPPET: SnippetDefinition = {
  id: 'wss-listener',
  name: 'Secure WebSocket listener (wss)',
  description: 'A listener for browser clients over wss:// (MQTT over WebSockets with TLS): certificate authority, server certificate and key.',
  body: (options) => [
    `listener \${1:${firstFree(8081, options.usedPorts)}}`,
    'protocol websockets',
    ...websocketsExtras(options),
    ...certificateLines(options, 2),
  ],
};

export const SNIPPETS: readonly SnippetDefinition[] = [
  WSS_LISTENER_SNIPPET,
  {
    id: 'ws-listener',
    name: 'WebSocket listener (ws)',
    description: 'A plain WebSocket listener (ws://) for browser clients, without TLS.',
    body: (options) => [`listener \${1:${firstFree(8080, options.usedPorts)}}`, 'protocol websockets', ...websocketsExtras(options)],
  },
  {
    id: 'tls-listener',
    name: 'MQTT over TLS listener',
    description: 'An MQTT listener with TLS (mqtts://): certificate authority, server certificate and key.',
    body: (options) => [`listener \${1:${firstFree(8883, options.usedPorts)}}`, ...certificateLines(options, 2)],
  },
  {
    id: 'password-file',
    name: 'Password file authentication',
    description: 'Clients log in with a username and password from a file made with mosquitto_passwd; anonymous clients are refused.',
    body: (options) => [`password_file \${1:${options.platform === 'windows' ? 'C:/mosquitto/passwd' : '/etc/mosquitto/passwd'}}`, 'allow_anonymous false'],
  },
  {
    id: 'bridge',
    name: 'Bridge to another broker',
    description: "A bridge skeleton: the remote broker's address and one topic pattern shared in both directions.",
    body: (options) => {
      let name = 'remote';
      for (let i = 2; options.usedBridgeNames?.has(name); i++) {
        name = `remote${i}`;
      }
      return [`connection \${1:${name}}`, 'address ${2:broker.example.com}:${3:1883}', 'topic ${4:sensors/#} ${5|both,out,in|} ${6:0}'];
    },
  },
];

/** Snippet text as plain text: each placeholder becomes its default (the first choice). */
export function snippetToPlainText(snippet: string): string {
  return plainText(snippet, 0, false).text;
}

function plainText(snippet: string, start: number, nested: boolean): { text: string; end: number } {
  let out = '';
  let i = start;
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
      continue;
    }
    if (nested && c === '}') {
      return { text: out, end: i };
    }
    if (c === '$') {
      const rest = snippet.slice(i);
      const tabStop = /^\$(\d+|\{\d+\})/.exec(rest);
      if (tabStop) {
        i += tabStop[0].length;
        continue;
      }
      const choice = /^\$\{\d+\|((?:[^,|\\]|\\.)*)(?:,(?:[^|\\]|\\.)*)*\|\}/.exec(rest);
      if (choice) {
        out += choice[1].replace(/\\(.)/g, '$1');
        i += choice[0].length;
        continue;
      }
      const placeholder = /^\$\{\d+:/.exec(rest);
      if (placeholder) {
        const inner = plainText(snippet, i + placeholder[0].length, true);
        out += inner.text;
        i = inner.end + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return { text: out, end: i };
}

/** A static snippet in the VS Code snippet file format. */
export interface StaticSnippet {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
}

/**
 * The contents of snippets/mosquitto-conf.json: every snippet for a Linux broker of the
 * newest release, plus the Windows variant of the wss listener (static snippets cannot
 * know the platform).
 */
export function staticSnippets(): Record<string, StaticSnippet> {
  const linux: SnippetOptions = { platform: 'linux', version: NEWEST_RELEASE };
  const result: Record<string, StaticSnippet> = {};
  for (const snippet of SNIPPETS) {
    result[snippet.name] = { prefix: snippet.id, body: snippet.body(linux), description: snippet.description };
  }
  result[`${WSS_LISTENER_SNIPPET.name} on Windows`] = {
    prefix: `${WSS_LISTENER_SNIPPET.id}-windows`,
    body: WSS_LISTENER_SNIPPET.body({ platform: 'windows', version: NEWEST_RELEASE }),
    description: `${WSS_LISTENER_SNIPPET.description} Windows builds also need 'socket_domain ipv4' to accept IPv4 clients.`,
  };
  return result;
}

/** Snippet options for one configuration: its platform, version, ports and bridge names. */
export function snippetOptionsFor(model: ConfigModel): SnippetOptions {
  const usedPorts = new Set<number>();
  for (const section of [model.defaultListener, ...model.listeners]) {
    if (section.port !== undefined) {
      usedPorts.add(section.port);
    }
  }
  const usedBridgeNames = new Set(model.bridges.map((b) => b.name ?? ''));
  return { platform: model.settings.platform, version: model.settings.brokerVersion, usedPorts, usedBridgeNames };
}

/** Where and how to insert a block of lines that starts a new section. */
export interface BlockInsertion {
  readonly position: Position;
  /** Line breaks to write before the block (to separate it from the text above). */
  readonly before: string;
  /** The block's lines. */
  readonly lines: readonly string[];
  /** Text after the block (its final line break). */
  readonly after: string;
}

/**
 * Where a new section can go. At `cursorLine` when that line is blank and the next directive
 * below it starts a section (or there is none): anywhere else the new `listener` line would
 * capture the options below it. Otherwise at the end of the file.
 */
export function sectionInsertion(file: ParsedFile, lines: readonly string[], cursorLine?: number): BlockInsertion {
  const eol = lineBreakOf(file);
  if (cursorLine !== undefined && file.lines[cursorLine]?.kind === 'blank' && isSectionBoundary(file, cursorLine)) {
    const above = cursorLine > 0 ? file.lines[cursorLine - 1] : undefined;
    const before = above !== undefined && above.kind !== 'blank' ? eol : '';
    return { position: { line: cursorLine, character: 0 }, before, lines, after: eol };
  }
  const last = file.lines.length - 1;
  const lastLine = file.lines[last];
  const lastBlank = lastLine === undefined || lastLine.kind === 'blank';
  if (file.text.length === 0) {
    return { position: { line: 0, character: 0 }, before: '', lines, after: eol };
  }
  if (hasLineBreakAfter(file, last)) {
    return { position: { line: last + 1, character: 0 }, before: lastBlank ? '' : eol, lines, after: eol };
  }
  return { position: { line: last, character: lastLine?.text.length ?? 0 }, before: lastBlank ? eol : eol + eol, lines, after: eol };
}

function isSectionBoundary(file: ParsedFile, line: number): boolean {
  let next: Directive | undefined;
  for (let i = line + 1; i < file.lines.length && next === undefined; i++) {
    next = file.lines[i].directive;
  }
  return next === undefined || next.name === 'listener' || next.name === 'connection';
}

/** The insertion's text, with the block in snippet syntax or as plain text. */
export function insertionText(insertion: BlockInsertion, eol: string, asSnippet: boolean): string {
  const block = insertion.lines.join(eol);
  return insertion.before + (asSnippet ? block : snippetToPlainText(block)) + insertion.after;
}

/** The wss listener, ready for an editor to insert as a snippet (tab stops) or as plain text. */
export interface SnippetInsertion {
  readonly position: Position;
  /** Text in snippet syntax, with `\n` line breaks (editors adapt them). */
  readonly snippet: string;
  /** The same text as plain text, with the file's line breaks. */
  readonly text: string;
}

/** Where and what to insert for "Insert secure WebSocket (wss) listener". */
export function wssListenerInsertion(model: ConfigModel, file: ParsedFile, cursorLine?: number): SnippetInsertion {
  const insertion = sectionInsertion(file, WSS_LISTENER_SNIPPET.body(snippetOptionsFor(model)), cursorLine);
  return {
    position: insertion.position,
    snippet: insertionText({ ...insertion, before: insertion.before.replace(/\r\n/g, '\n'), after: insertion.after.replace(/\r\n/g, '\n') }, '\n', true),
    text: insertionText(insertion, lineBreakOf(file), false),
  };
}
