/**
 * The ACL file as mosquitto reads it. 2.0 (src/security_default.c, aclfile__parse) and 2.1
 * (plugins/acl-file/acl_parse.c, built into the broker) share one reader line for line, so
 * one model serves both. docs/companion-files.md lists the quirks. 1.x differs in what it
 * checks (`SINCE.aclDeny`, `SINCE.companionFilesChecked`): aclAccessRefusal, aclTopicRefusal,
 * aclUserNameReading. The checks are the rules in rules/companion/acl-*.ts.
 */
import type { Range } from 'vscode-languageserver-types';
import { SINCE } from '../../model/reading';
import { closestMatches } from '../../util/editDistance';
import type { Version } from '../../version';
import { atLeast } from '../../version';
import type { ReaderLine, Span } from '../reader';
import { byteLength, lineRange, readerLines, Tokenizer, trimBlanks, trimEnd } from '../reader';

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

/** Why the selected release refuses the access word of a topic/pattern line: `deny` before 2.0, or a word that is no access type. */
export function aclAccessRefusal(line: AclLine, version: Version): 'deny-before-2.0' | 'unknown' | undefined {
  if ((line.kind !== 'topic' && line.kind !== 'pattern') || !line.accessWord) {
    return undefined;
  }
  if (line.access === 'deny' && !atLeast(version, SINCE.aclDeny)) {
    return 'deny-before-2.0';
  }
  return line.access ? undefined : 'unknown';
}

/** Why the selected release refuses the topic filter of a topic/pattern line (from 1.6; 1.5 does not check filters). */
export function aclTopicRefusal(line: AclLine, version: Version): string | undefined {
  if ((line.kind !== 'topic' && line.kind !== 'pattern') || !line.topic || !atLeast(version, SINCE.companionFilesChecked)) {
    return undefined;
  }
  return topicFilterProblem(line.topic.text);
}

/**
 * How the selected release reads a `user` line without a name: `refused` (`user` alone, or
 * from 1.6 only blanks after it), or `blanks` (1.5: everything after `user` and one space is
 * the name, so blanks make a name no client uses). Undefined when the line names a user.
 */
export function aclUserNameReading(line: AclLine, raw: ReaderLine, version: Version): 'refused' | 'blanks' | undefined {
  if (line.kind !== 'user' || (line.name && line.name.text.length > 0)) {
    return undefined;
  }
  if (atLeast(version, SINCE.companionFilesChecked)) {
    return 'refused';
  }
  // 1.5 strips only the line break, then takes everything after `user` and one space as the name.
  const text = raw.text.replace(/[\r\n]+$/, '');
  const after = text.slice(text.indexOf('user') + 'user'.length);
  return after.length <= 1 ? 'refused' : 'blanks';
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
