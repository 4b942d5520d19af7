/**
 * Editor features for companion files: hover, completion and outline (code actions are in
 * features/companionActions.ts, which looks the rules' fixes up by id). Each
 * works from the same readers as the diagnostics, so they tell one story.
 */
import type { CompletionItem, DocumentSymbol, Hover, Position, Range } from 'vscode-languageserver-types';
import { CompletionItemKind, MarkupKind, SymbolKind } from 'vscode-languageserver-types';
import type { AclFile, AclLine } from './acl/acl';
import { ACL_ACCESS_TYPES, ACL_KEYWORDS, describeAccess, describeAclLine, parseAcl } from './acl/acl';
import type { ColonFile } from './colonFile';
import { parseColonFile } from './colonFile';
import type { CompanionKind } from './findings';
import { hashFormat } from './passwd/passwd';
import { lineRange, spanRange } from './reader';

const KEYWORD_DOCS: Record<string, string> = {
  topic:
    'Grants access to a topic filter: `topic [read|write|readwrite|deny] FILTER` (`deny` exists from mosquitto 2.0; 1.x refuses to start on it). Before any `user` line it applies to anonymous clients, after one to that user. Without an access type it grants read and write.',
  pattern:
    'Grants every client access to a topic filter in which `%c` is replaced by the client id and `%u` by the username: `pattern [read|write|readwrite|deny] FILTER` (`deny` from mosquitto 2.0).',
  user: 'Starts the rules of one user: the `topic` lines up to the next `user` line apply to clients that log in with this username (the rest of the line, spaces included).',
};

function render(text: string, markdown: boolean): Hover['contents'] {
  return markdown ? { kind: MarkupKind.Markdown, value: text } : { kind: MarkupKind.PlainText, value: text.replace(/\*\*|`/g, '') };
}

function within(range: Range, position: Position): boolean {
  return position.line === range.start.line && position.character >= range.start.character && position.character <= range.end.character;
}

/** Hover: what an ACL line grants to whom, or what a password/PSK line holds (never the secret). */
export function companionHover(kind: CompanionKind, text: string, position: Position, markdown: boolean): Hover | null {
  if (kind === 'acl') {
    const file = parseAcl(text);
    const index = file.lines.findIndex((l) => l.line === position.line);
    const line = file.lines[index];
    if (!line || line.kind === 'blank' || line.kind === 'comment') {
      return null;
    }
    if ('keyword' in line && within(spanRange(line.line, line.keyword), position) && KEYWORD_DOCS[line.keyword.text]) {
      const grant = describeAclLine(line);
      return {
        contents: render(`**${line.keyword.text}**: ${KEYWORD_DOCS[line.keyword.text]}${grant ? `\n\n${grant}` : ''}`, markdown),
        range: spanRange(line.line, line.keyword),
      };
    }
    const grant = describeAclLine(line);
    return grant ? { contents: render(grant, markdown), range: lineRange(file.raw[index]) } : null;
  }
  const file = parseColonFile(text);
  const index = file.lines.findIndex((l) => l.line === position.line);
  const line = file.lines[index];
  if (!line || line.kind !== 'entry') {
    return null;
  }
  const secret = line.secret?.text ?? '';
  let description: string;
  if (kind === 'psk') {
    description = /^[0-9a-fA-F]+$/.test(secret)
      ? `Identity **${line.name.text}**: a ${Math.floor(secret.length / 2)}-byte pre-shared key (hex).`
      : `Identity **${line.name.text}**.`;
  } else {
    const format = hashFormat(secret);
    const what: Record<string, string> = {
      'sha512-pbkdf2': `PBKDF2-SHA512 hash, ${secret.split('$').filter((f) => f.length > 0)[1] ?? '?'} iterations`,
      sha512: 'salted SHA-512 hash (older format; mosquitto_passwd writes $7$ now)',
      argon2id: 'argon2id hash (needs a broker built with libargon2)',
      plaintext: 'plain text, which the broker cannot use',
      unknown: 'unknown hash format',
    };
    description = `User **${line.name.text}**: ${secret.length === 0 ? 'no password' : what[format]}.`;
  }
  return { contents: render(description, markdown), range: lineRange(file.raw[index]) };
}

/** Completion: keywords at the start of an ACL line, access types after topic/pattern. */
export function companionCompletion(kind: CompanionKind, text: string, position: Position): CompletionItem[] {
  if (kind !== 'acl') {
    return [];
  }
  const lineText = (text.split('\n')[position.line] ?? '').slice(0, position.character);
  if (lineText.startsWith('#')) {
    return [];
  }
  const words = lineText.split(' ').filter((w, i, all) => w.length > 0 || i === all.length - 1);
  if (words.length <= 1) {
    return ACL_KEYWORDS.map((k) => ({
      label: k,
      kind: CompletionItemKind.Keyword,
      detail: 'ACL keyword',
      documentation: { kind: MarkupKind.Markdown, value: KEYWORD_DOCS[k] },
    }));
  }
  if (words.length === 2 && (words[0] === 'topic' || words[0] === 'pattern')) {
    return ACL_ACCESS_TYPES.map((a) => ({
      label: a,
      kind: CompletionItemKind.EnumMember,
      detail: 'access type',
      documentation: `The client ${describeAccess(a)} the topic filter.${a === 'deny' ? ' Exists from mosquitto 2.0: 1.x refuses to start on it.' : ''}`,
    }));
  }
  return [];
}

function aclSymbols(file: AclFile): DocumentSymbol[] {
  const result: DocumentSymbol[] = [];
  let block: DocumentSymbol | undefined;
  let anonymous: DocumentSymbol | undefined;
  const patterns: DocumentSymbol[] = [];
  file.lines.forEach((line: AclLine, index) => {
    const range = lineRange(file.raw[index]);
    if (line.kind === 'user' && line.name && line.name.text.length > 0) {
      block = { name: line.name.text, detail: 'user', kind: SymbolKind.Class, range, selectionRange: spanRange(line.line, line.name), children: [] };
      result.push(block);
    } else if ((line.kind === 'topic' || line.kind === 'pattern') && line.topic) {
      const symbol: DocumentSymbol = {
        name: line.topic.text,
        detail: line.accessWord?.text ?? 'readwrite',
        kind: line.kind === 'pattern' ? SymbolKind.Event : SymbolKind.Field,
        range,
        selectionRange: spanRange(line.line, line.topic),
      };
      if (line.kind === 'pattern') {
        patterns.push(symbol);
      } else if (block) {
        block.children?.push(symbol);
        block.range = { start: block.range.start, end: range.end };
      } else {
        anonymous ??= {
          name: 'anonymous clients',
          detail: 'topic lines before any user',
          kind: SymbolKind.Namespace,
          range,
          selectionRange: range,
          children: [],
        };
        anonymous.children?.push(symbol);
        anonymous.range = { start: anonymous.range.start, end: range.end };
      }
    }
  });
  if (anonymous) {
    result.unshift(anonymous);
  }
  if (patterns.length > 0) {
    result.push({
      name: 'patterns',
      detail: 'every client',
      kind: SymbolKind.Namespace,
      range: { start: patterns[0].range.start, end: patterns[patterns.length - 1].range.end },
      selectionRange: patterns[0].selectionRange,
      children: patterns,
    });
  }
  return result;
}

function colonSymbols(file: ColonFile, kind: CompanionKind): DocumentSymbol[] {
  return file.lines.flatMap((line, index) =>
    line.kind === 'entry' && line.name.text.length > 0
      ? [
          {
            name: line.name.text,
            detail: kind === 'psk' ? 'identity' : 'user',
            kind: kind === 'psk' ? SymbolKind.Key : SymbolKind.Class,
            range: lineRange(file.raw[index]),
            selectionRange: spanRange(line.line, line.name),
          },
        ]
      : [],
  );
}

/** Outline: users (with their topic lines), anonymous rules and patterns; users or identities. */
export function companionSymbols(kind: CompanionKind, text: string): DocumentSymbol[] {
  return kind === 'acl' ? aclSymbols(parseAcl(text)) : colonSymbols(parseColonFile(text), kind);
}
