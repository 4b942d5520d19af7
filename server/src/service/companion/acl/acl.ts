/**
 * The ACL file as mosquitto reads it. 2.0 (src/security_default.c, aclfile__parse) and 2.1
 * (plugins/acl-file/acl_parse.c, built into the broker) share one reader line for line, so
 * one model serves both. docs/companion-files.md lists the quirks. 1.x differs in what it
 * checks (`SINCE.aclDeny`, `SINCE.companionFilesChecked`), see checkAcl.
 */
import type { Range } from 'vscode-languageserver-types';
import { SINCE } from '../../model/reading';
import { closestMatches } from '../../util/editDistance';
import type { Version } from '../../version';
import { atLeast } from '../../version';
import type { CompanionFinding } from '../findings';
import type { ReaderLine, Span } from '../reader';
import { byteLength, lineRange, readerLines, spanRange, Tokenizer, trimBlanks, trimEnd } from '../reader';

/** Access types the broker accepts after `topic`/`pattern`. */
export const ACL_ACCESS_TYPES = ['read', 'write', 'readwrite', 'deny'] as const;
export type AclAccess = (typeof ACL_ACCESS_TYPES)[number];
/** Keywords that can start an ACL line. */
export const ACL_KEYWORDS = ['topic', 'pattern', 'user'] as const;
/** Most '/' a topic filter may hold (TOPIC_HIERARCHY_LIMIT in both releases). */
const TOPIC_HIERARCHY_LIMIT = 200;

/** One line of an ACL file. */
export type AclLine =
  | { readonly kind: 'blank' | 'comment'; readonly line: number }
  | { readonly kind: 'user'; readonly line: number; readonly keyword: Span; readonly name?: Span }
  | {
      readonly kind: 'topic' | 'pattern';
      readonly line: number;
      readonly keyword: Span;
      /** The access word as written; undefined when the line has only one word after the keyword. */
      readonly accessWord?: Span;
      /** The access the broker grants (readwrite when no access word is given). */
      readonly access?: AclAccess;
      readonly topic?: Span;
      /** The user the line applies to; undefined for anonymous clients (topic lines before any user line). */
      readonly user?: string;
    }
  | { readonly kind: 'invalid'; readonly line: number; readonly keyword: Span };

/** A parsed ACL file. */
export interface AclFile {
  readonly lines: readonly AclLine[];
  readonly raw: readonly ReaderLine[];
}

/** Reads an ACL file the way the broker does. Never throws. */
export function parseAcl(text: string): AclFile {
  const raw = readerLines(text);
  let user: string | undefined;
  const lines = raw.map((reader): AclLine => {
    const line = reader.line;
    const text = trimEnd(reader.text);
    if (text.startsWith('#')) {
      return { kind: 'comment', line };
    }
    const tokens = new Tokenizer(text);
    const keyword = tokens.next(' ');
    if (!keyword) {
      return { kind: 'blank', line };
    }
    if (keyword.text === 'topic' || keyword.text === 'pattern') {
      const first = tokens.next(' ');
      if (!first) {
        return { kind: keyword.text, line, keyword, user };
      }
      const rest = tokens.rest();
      if (!rest) {
        return { kind: keyword.text, line, keyword, access: 'readwrite', topic: first, user };
      }
      const access = (ACL_ACCESS_TYPES as readonly string[]).includes(first.text) ? (first.text as AclAccess) : undefined;
      return { kind: keyword.text, line, keyword, accessWord: first, access, topic: trimBlanks(rest), user };
    }
    if (keyword.text === 'user') {
      const rest = tokens.rest();
      const name = rest ? trimBlanks(rest) : undefined;
      if (name && name.text.length > 0) {
        user = name.text;
      }
      return { kind: 'user', line, keyword, name };
    }
    return { kind: 'invalid', line, keyword };
  });
  return { lines, raw };
}

/** Why mosquitto_sub_topic_check() refuses a topic filter, or undefined when it accepts it. */
export function topicFilterProblem(topic: string): string | undefined {
  let previous = '';
  let levels = 0;
  for (let i = 0; i < topic.length; i++) {
    const ch = topic[i];
    const next = topic[i + 1] ?? '';
    if (ch === '+' && ((previous !== '' && previous !== '/') || (next !== '' && next !== '/'))) {
      return "'+' must fill a whole topic level";
    }
    if (ch === '#' && ((previous !== '' && previous !== '/') || next !== '')) {
      return "'#' must be the whole last topic level";
    }
    if (ch === '/') {
      levels++;
    }
    previous = ch;
  }
  if (byteLength(topic) > 65535) {
    return 'it is longer than 65535 bytes';
  }
  if (levels > TOPIC_HIERARCHY_LIMIT) {
    return `it has more than ${TOPIC_HIERARCHY_LIMIT} '/' separators`;
  }
  return undefined;
}

/** The likely meant access type for a wrong one (rw → readwrite). */
export function suggestAccess(word: string): AclAccess | undefined {
  const lower = word.toLowerCase().replace(/[^a-z]/g, '');
  const aliases: Record<string, AclAccess> = {
    rw: 'readwrite',
    wr: 'readwrite',
    r: 'read',
    w: 'write',
    ro: 'read',
    wo: 'write',
    readonly: 'read',
    writeonly: 'write',
    none: 'deny',
    all: 'readwrite',
    both: 'readwrite',
    readandwrite: 'readwrite',
    writeread: 'readwrite',
  };
  if (aliases[lower]) {
    return aliases[lower];
  }
  if ((ACL_ACCESS_TYPES as readonly string[]).includes(lower)) {
    return lower as AclAccess;
  }
  return closestMatches(lower, ACL_ACCESS_TYPES)[0] as AclAccess | undefined;
}

/** The likely meant keyword for an unknown first word (Topic → topic, toipc → topic). */
export function suggestKeyword(word: string): string | undefined {
  return closestMatches(word.toLowerCase(), ACL_KEYWORDS)[0];
}

/** What the broker checks in an ACL file, plus advice. `passwordUsers`: users of the configured password file, when there is one. */
export function checkAcl(file: AclFile, passwordUsers?: ReadonlySet<string>, version?: Version): CompanionFinding[] {
  const checks: AclChecks = {
    deny: !version || atLeast(version, SINCE.aclDeny),
    strict: !version || atLeast(version, SINCE.companionFilesChecked),
    raw: file.raw,
  };
  const findings: CompanionFinding[] = [];
  const usersSeen = new Map<string, number>();
  let anonymousReported = false;
  file.lines.forEach((line, index) => {
    if (line.kind === 'invalid') {
      findings.push(invalidLine(line.keyword, line.line, file.raw[index]));
    } else if (line.kind === 'user') {
      checkUser(line, usersSeen, passwordUsers, findings, checks);
    } else if (line.kind === 'topic' || line.kind === 'pattern') {
      if (line.kind === 'topic' && line.user === undefined && !anonymousReported && line.topic) {
        anonymousReported = true;
        findings.push({
          code: 'acl-anonymous',
          range: spanRange(line.line, line.keyword),
          severity: 'information',
          message:
            "This 'topic' line comes before any 'user' line, so it applies to clients that connect without a username (anonymous clients), not to every user.",
        });
      }
      checkTopicLine(line, findings, checks);
    }
  });
  return findings;
}

function invalidLine(keyword: Span, line: number, reader: ReaderLine): CompanionFinding {
  const range = spanRange(line, keyword);
  if (keyword.text.startsWith('#')) {
    return {
      code: 'acl-keyword',
      range: lineRange(reader),
      severity: 'error',
      message: "A comment must start in the first column: the broker reads an indented '#' line as an unknown keyword and refuses to start.",
      data: { replacement: reader.text.trimStart().replace(/\r$/, ''), title: 'Move the comment to the first column' },
    };
  }
  if (keyword.text.includes('\t')) {
    const fixed = keyword.text.replace(/\t+/g, ' ');
    return {
      code: 'acl-keyword',
      range,
      severity: 'error',
      message: 'The broker separates words with spaces only; with a tab this line starts with an unknown keyword and the broker refuses to start.',
      data: { replacement: fixed, title: 'Replace tabs with spaces' },
    };
  }
  const suggestion = suggestKeyword(keyword.text);
  return {
    code: 'acl-keyword',
    range,
    severity: 'error',
    message: `'${keyword.text}' is not an ACL keyword (topic, pattern or user; lower case): the broker refuses to start.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
    data: suggestion ? { replacement: suggestion, title: `Change to '${suggestion}'` } : undefined,
  };
}

/** What the selected release checks: `deny` known (2.0), topic filters and blank user names checked (1.6). */
interface AclChecks {
  readonly deny: boolean;
  readonly strict: boolean;
  readonly raw: readonly ReaderLine[];
}

/**
 * 1.5 strips only the line break, then takes everything after `user` and one space as the
 * name (blanks included): only `user` or `user ` with nothing more is refused.
 */
function userMissingBefore16(raw: ReaderLine | undefined): boolean {
  const text = (raw?.text ?? '').replace(/[\r\n]+$/, '');
  const after = text.slice(text.indexOf('user') + 'user'.length);
  return after.length <= 1;
}

function checkUser(
  line: Extract<AclLine, { kind: 'user' }>,
  usersSeen: Map<string, number>,
  passwordUsers: ReadonlySet<string> | undefined,
  findings: CompanionFinding[],
  checks: AclChecks,
): void {
  const name = line.name;
  if (!name || name.text.length === 0) {
    if (!checks.strict && !userMissingBefore16(checks.raw[line.line])) {
      findings.push({
        code: 'acl-user',
        range: spanRange(line.line, line.keyword),
        severity: 'warning',
        message: "This 'user' line has only blanks after it: the selected release takes them as the username, which no client uses.",
      });
      return;
    }
    findings.push({
      code: 'acl-user',
      range: spanRange(line.line, line.keyword),
      severity: 'error',
      message: "'user' needs a username: the broker refuses to start.",
    });
    return;
  }
  const first = usersSeen.get(name.text);
  if (first !== undefined) {
    findings.push({
      code: 'acl-duplicate-user',
      range: spanRange(line.line, name),
      severity: 'information',
      message: `User '${name.text}' already has a block at line ${first + 1}; the broker merges both blocks. Keeping one block per user is easier to read.`,
    });
  } else {
    usersSeen.set(name.text, line.line);
  }
  if (passwordUsers && !passwordUsers.has(name.text)) {
    findings.push({
      code: 'acl-unknown-user',
      range: spanRange(line.line, name),
      severity: 'warning',
      message: `User '${name.text}' is not in the password file, so no client can log in as this user and these rules never apply.`,
    });
  }
}

function checkTopicLine(line: Extract<AclLine, { kind: 'topic' | 'pattern' }>, findings: CompanionFinding[], checks: AclChecks): void {
  if (!line.topic) {
    findings.push({
      code: 'acl-topic',
      range: spanRange(line.line, line.keyword),
      severity: 'error',
      message: `'${line.kind}' needs a topic filter: the broker refuses to start.`,
    });
    return;
  }
  if (line.accessWord && line.access === 'deny' && !checks.deny) {
    findings.push({
      code: 'acl-access-type',
      range: spanRange(line.line, line.accessWord),
      severity: 'error',
      message: "'deny' is an access type from 2.0 on: the selected release refuses to start. It knows read, write and readwrite.",
    });
    return;
  }
  if (line.accessWord && !line.access) {
    const suggestion = suggestAccess(line.accessWord.text);
    findings.push({
      code: 'acl-access-type',
      range: spanRange(line.line, line.accessWord),
      severity: 'error',
      message: `'${line.accessWord.text}' is not an access type (read, write, readwrite or deny): the broker refuses to start.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
      data: suggestion ? { replacement: suggestion, title: `Change to '${suggestion}'` } : undefined,
    });
    return;
  }
  const problem = checks.strict ? topicFilterProblem(line.topic.text) : undefined;
  if (problem) {
    findings.push({
      code: 'acl-topic',
      range: spanRange(line.line, line.topic),
      severity: 'error',
      message: `'${line.topic.text}' is not a valid topic filter (${problem}): the broker refuses to start.`,
    });
    return;
  }
  if (!line.accessWord && (ACL_ACCESS_TYPES as readonly string[]).includes(line.topic.text)) {
    findings.push({
      code: 'acl-topic',
      range: spanRange(line.line, line.topic),
      severity: 'warning',
      message: `With one word after '${line.kind}' the broker takes it as the topic: this grants read and write on the topic '${line.topic.text}'. Add the topic filter after the access type.`,
    });
  }
  if (line.kind === 'pattern' && !line.topic.text.includes('%c') && !line.topic.text.includes('%u')) {
    findings.push({
      code: 'acl-pattern-substitution',
      range: spanRange(line.line, line.keyword),
      severity: 'warning',
      message:
        "This pattern has no %c (client id) or %u (username), so it applies to every client the same way; the broker logs a warning. Use 'topic' for a fixed topic.",
      data: { replacement: 'topic', title: "Change to 'topic'" },
    });
  }
}

/** Plain words for an access type. */
export function describeAccess(access: AclAccess): string {
  switch (access) {
    case 'read':
      return 'may subscribe to and receive';
    case 'write':
      return 'may publish to';
    case 'readwrite':
      return 'may publish to, subscribe to and receive';
    default:
      return 'is denied (read and write)';
  }
}

/** What one ACL line grants, to whom (for hover). */
export function describeAclLine(line: AclLine): string | undefined {
  if (line.kind === 'user') {
    return line.name && line.name.text.length > 0
      ? `The lines below, up to the next 'user' line, apply to clients that log in as **${line.name.text}**.`
      : undefined;
  }
  if ((line.kind !== 'topic' && line.kind !== 'pattern') || !line.topic || !line.access) {
    return undefined;
  }
  const topic = `\`${line.topic.text}\``;
  const implicit = line.accessWord ? '' : ' (no access type given: read and write)';
  if (line.kind === 'pattern') {
    return `Every client ${describeAccess(line.access)} ${topic}${implicit}, with %c replaced by its client id and %u by its username.`;
  }
  const who = line.user === undefined ? 'Anonymous clients (no username)' : `User **${line.user}**`;
  return `${who} ${describeAccess(line.access)} ${topic}${implicit}.`;
}

/** Range of a whole ACL line (for outline and hover). */
export function aclLineRange(file: AclFile, index: number): Range {
  return lineRange(file.raw[index]);
}
