import type { DirectiveSpec } from '../data/types';
import { SUPPRESSION_COMMENT } from '../engine/codes';

/**
 * Builds the TextMate grammar `source.mosquitto-conf` from the directive catalogue, so the
 * keyword list can never drift from what the language server knows.
 * `scripts/generate-grammar.mjs` writes it to syntaxes/mosquitto-conf.tmLanguage.json; a unit
 * test checks that file is up to date.
 *
 * It follows the broker's tokenizer (reference/rules.md §2): a comment is a line whose first
 * character is `#` (an indented `#` is the unknown directive `#`); only spaces separate, so a
 * tab sticks to the keyword (`listener<TAB>1883` is one unknown keyword); keywords are
 * case-sensitive; a known keyword must be followed by a space or the end of the line.
 * Values are styled by how the broker reads them: first-token booleans, numbers and enum
 * words, string values to the end of the line, raw values (one separator space, then
 * everything) such as `include_dir`.
 */

/** A TextMate rule (the subset this grammar uses). */
export interface GrammarRule {
  readonly name?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly captures?: Readonly<Record<string, { readonly name: string }>>;
  readonly beginCaptures?: Readonly<Record<string, { readonly name: string }>>;
  readonly patterns?: readonly GrammarRule[];
  readonly include?: string;
  readonly comment?: string;
}

/** A TextMate grammar file. */
export interface Grammar {
  readonly $schema: string;
  readonly name: string;
  readonly scopeName: string;
  readonly fileTypes: readonly string[];
  readonly comment: string;
  readonly patterns: readonly GrammarRule[];
  readonly repository: Readonly<Record<string, GrammarRule>>;
}

export const SCOPE = 'source.mosquitto-conf';
const S = '.mosquitto-conf';

/** Scope names, one place for the grammar, its tests and theme authors. */
export const SCOPES = {
  comment: `comment.line.number-sign${S}`,
  commentPunctuation: `punctuation.definition.comment${S}`,
  suppression: `keyword.other.suppression${S}`,
  // Directive names are keys, not keywords: default themes colour `keyword` and
  // `constant.language` alike, and booleans/keyword values must not look like directive names.
  directive: `support.type.property-name.directive${S}`,
  pluginOption: `support.type.property-name.plugin-option${S}`,
  section: `keyword.control.section${S}`,
  sectionName: `entity.name.section${S}`,
  unknown: `invalid.illegal.unknown-directive${S}`,
  boolean: `constant.language.boolean${S}`,
  number: `constant.numeric.integer${S}`,
  /** Keyword values from the catalogue's enums (mqtt, websockets, ipv4, tlsv1.2, error, stdout, …). */
  enumValue: `constant.language.enum${S}`,
  path: `string.unquoted.path${S}`,
  string: `string.unquoted.value${S}`,
  address: `string.unquoted.address${S}`,
  topic: `string.unquoted.topic${S}`,
} as const;

/** Directives that open or configure a section and therefore stand out. */
export const SECTION_STARTERS: readonly string[] = ['listener', 'port', 'connection'];

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `(a|b|c)` with longest names first. */
function alternation(names: readonly string[]): string {
  return `(${[...names]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escape)
    .join('|')})`;
}

/** A rule for one line of directives whose value is styled by `patterns`. */
function directiveLine(names: readonly string[], keywordScope: string, patterns: readonly GrammarRule[], comment: string): GrammarRule {
  if (names.length === 0) {
    return { comment: `${comment} (none in the catalogue)`, patterns: [] };
  }
  return {
    comment,
    begin: `^( *)${alternation(names)}(?= |$)`,
    beginCaptures: { '2': { name: keywordScope } },
    end: '$',
    patterns,
  };
}

/** The first value token (after the spaces that follow the keyword). */
function firstToken(pattern: string, scope: string, terminator = '(?= |$)'): GrammarRule {
  return { match: `\\G +(${pattern})${terminator}`, captures: { '1': { name: scope } } };
}

/** A string value: the rest of the line after the separating spaces (trimmed by the broker). */
function restOfLine(scope: string): GrammarRule {
  return { match: '\\G +(.*?)(?= *$)', captures: { '1': { name: scope } } };
}

/** A raw value: everything after the single separator space, blanks included. */
function rawRest(scope: string): GrammarRule {
  return { match: '\\G (.*)$', captures: { '1': { name: scope } } };
}

const INTEGER = '[+-]?(?:0[xX][0-9a-fA-F]+|\\d+)';

/** Everything the grammar needs to know about one directive, derived from its spec. */
function categoryOf(spec: DirectiveSpec): string {
  const first = spec.args[0];
  if (spec.valueMode === 'ignored') {
    return 'ignored';
  }
  if (first?.type === 'enum' && first.values && spec.name !== 'log_dest' && spec.name !== 'bridge_protocol_version') {
    return `enum:${spec.valueMode}`;
  }
  switch (first?.type) {
    case 'bool':
      return 'bool';
    case 'int':
    case 'int64':
      return spec.args.length > 1 ? 'ints' : 'int';
    case 'duration':
      return 'duration';
    case 'path':
      return spec.valueMode === 'raw' ? 'raw-path' : 'path';
    case 'host':
      return 'host';
    default:
      return spec.valueMode === 'raw' ? 'raw-string' : spec.valueMode === 'string' ? 'string' : 'other';
  }
}

/** Builds the grammar for a catalogue. */
export function buildGrammar(directives: readonly DirectiveSpec[]): Grammar {
  const plain = directives.filter((d) => d.prefix === undefined);
  const families = directives.filter((d) => d.prefix !== undefined);
  const special = new Set([
    ...SECTION_STARTERS,
    'topic',
    'log_dest',
    'plugin_load',
    'bridge_protocol_version',
    'address',
    'addresses',
    'accept_protocol_versions',
  ]);
  const groups = new Map<string, string[]>();
  const enums: GrammarRule[] = [];
  for (const spec of plain) {
    if (special.has(spec.name)) {
      continue;
    }
    const category = categoryOf(spec);
    if (category.startsWith('enum:')) {
      const values = spec.args[0].values ?? [];
      const terminator = spec.valueMode === 'token' ? '(?= |$)' : '(?= *$)';
      enums.push(
        directiveLine(
          [spec.name],
          SCOPES.directive,
          [firstToken(alternation(values).slice(1, -1), SCOPES.enumValue, terminator)],
          `${spec.name}: one of its keywords`,
        ),
      );
      continue;
    }
    const list = groups.get(category) ?? [];
    list.push(spec.name);
    groups.set(category, list);
  }
  const group = (category: string): readonly string[] => groups.get(category) ?? [];
  const numberAnywhere: GrammarRule = { match: `(?<= )${INTEGER}(?= |$)`, name: SCOPES.number };

  const rules: Record<string, GrammarRule> = {
    comment: {
      comment: 'Only a # in the first column starts a comment.',
      match: `^(#)(?:( *)(${escape(SUPPRESSION_COMMENT)})\\b)?(.*)$`,
      name: SCOPES.comment,
      captures: { '1': { name: SCOPES.commentPunctuation }, '3': { name: SCOPES.suppression } },
    },
    listener: directiveLine(
      ['listener'],
      SCOPES.section,
      [{ match: `\\G +(${INTEGER})(?= |$)(?: +([^ #][^ ]*))?`, captures: { '1': { name: SCOPES.number }, '2': { name: SCOPES.address } } }],
      'listener <port> [<address or unix socket path>]: opens a listener section.',
    ),
    port: directiveLine(['port'], SCOPES.section, [firstToken(INTEGER, SCOPES.number)], 'port <port>: configures the default listener.'),
    connection: directiveLine(['connection'], SCOPES.section, [firstToken('[^ ]+', SCOPES.sectionName, '')], 'connection <name>: opens a bridge section.'),
    topic: directiveLine(
      ['topic'],
      SCOPES.directive,
      [
        {
          match: '\\G +([^ ]+)(?: +(in|out|both)(?= |$))?(?: +(\\d+)(?= |$))?(?: +([^ #][^ ]*))?(?: +([^ #][^ ]*))?',
          captures: {
            '1': { name: SCOPES.topic },
            '2': { name: SCOPES.enumValue },
            '3': { name: SCOPES.number },
            '4': { name: SCOPES.topic },
            '5': { name: SCOPES.topic },
          },
        },
      ],
      'topic <pattern> [in|out|both] [qos] [local prefix] [remote prefix]',
    ),
    'log-dest': directiveLine(
      ['log_dest'],
      SCOPES.directive,
      [
        { match: '\\G +(file)(?: +(.*))?$', captures: { '1': { name: SCOPES.enumValue }, '2': { name: SCOPES.path } } },
        firstToken(
          alternation(directives.find((d) => d.name === 'log_dest')?.args[0].values?.filter((v) => v !== 'file') ?? []).slice(1, -1),
          SCOPES.enumValue,
        ),
      ],
      'log_dest <destination> (file <path>)',
    ),
    'bridge-protocol-version': directiveLine(
      ['bridge_protocol_version'],
      SCOPES.directive,
      [
        {
          match: `\\G (${(directives.find((d) => d.name === 'bridge_protocol_version')?.args[0].values ?? []).map(escape).join('|')})$`,
          captures: { '1': { name: SCOPES.enumValue } },
        },
      ],
      'bridge_protocol_version: read raw, so only an exact keyword after one space is valid.',
    ),
    'plugin-load': directiveLine(
      ['plugin_load'],
      SCOPES.directive,
      [{ match: '\\G +([^ ]+)(?: (.*))?$', captures: { '1': { name: SCOPES.sectionName }, '2': { name: SCOPES.path } } }],
      'plugin_load <name> <path>',
    ),
    addresses: directiveLine(['address', 'addresses'], SCOPES.directive, [{ match: '(?<= )[^ #][^ ]*', name: SCOPES.address }], 'address <host[:port]> ...'),
    'accept-protocol-versions': directiveLine(
      ['accept_protocol_versions'],
      SCOPES.directive,
      [{ match: '(?<=[ ,\\t])[345](?=[ ,\\t]|$)', name: SCOPES.enumValue }],
      'accept_protocol_versions 3,4,5',
    ),
    enums: { patterns: enums },
    booleans: directiveLine(
      group('bool'),
      SCOPES.directive,
      [firstToken('true|false|1|0', SCOPES.boolean)],
      'Booleans: true, false, 1 or 0 as the first token.',
    ),
    integers: directiveLine([...group('int'), ...group('ints')], SCOPES.directive, [firstToken(INTEGER, SCOPES.number), numberAnywhere], 'Whole numbers.'),
    durations: directiveLine(group('duration'), SCOPES.directive, [firstToken('\\d+[hdwmy]?', SCOPES.number)], 'Durations such as 14d.'),
    paths: directiveLine(group('path'), SCOPES.directive, [restOfLine(SCOPES.path)], 'Paths: the rest of the line.'),
    'raw-paths': directiveLine(group('raw-path'), SCOPES.directive, [rawRest(SCOPES.path)], 'Paths read raw: after one space, every character counts.'),
    hosts: directiveLine(group('host'), SCOPES.directive, [restOfLine(SCOPES.address)], 'Host names and addresses.'),
    strings: directiveLine([...group('string'), ...group('raw-string')], SCOPES.directive, [restOfLine(SCOPES.string)], 'String values: the rest of the line.'),
    others: directiveLine([...group('other'), ...group('ignored')], SCOPES.directive, [], 'Directives with other values.'),
    'plugin-options': {
      comment: 'Option families matched by prefix (plugin_opt_*, auth_opt_*).',
      begin: `^( *)(${families.map((f) => escape(f.prefix ?? '')).join('|')})([^ ]*)`,
      beginCaptures: { '2': { name: SCOPES.pluginOption }, '3': { name: SCOPES.pluginOption } },
      end: '$',
      patterns: [restOfLine(SCOPES.string)],
    },
    unknown: {
      comment: 'Anything else is a keyword the broker does not know (an indented # included).',
      match: '^( *)([^ ]+)',
      captures: { '2': { name: SCOPES.unknown } },
    },
  };
  const order = [
    'comment',
    'listener',
    'port',
    'connection',
    'topic',
    'log-dest',
    'bridge-protocol-version',
    'plugin-load',
    'addresses',
    'accept-protocol-versions',
    'enums',
    'booleans',
    'integers',
    'durations',
    'paths',
    'raw-paths',
    'hosts',
    'strings',
    'others',
    'plugin-options',
    'unknown',
  ];
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Mosquitto Config',
    scopeName: SCOPE,
    fileTypes: ['mosquitto.conf'],
    comment: 'Generated by scripts/generate-grammar.mjs from the directive catalogue (server/src/service/data/catalogue.ts). Do not edit by hand.',
    patterns: order.map((key) => ({ include: `#${key}` })),
    repository: rules,
  };
}

/** Every directive name the grammar recognises, read back from its rules (for the sync test). */
export function grammarKeywords(grammar: Grammar): { names: string[]; prefixes: string[] } {
  const names: string[] = [];
  let prefixes: string[] = [];
  const visit = (rule: GrammarRule, key?: string): void => {
    const m = rule.begin !== undefined ? /^\^\( \*\)\(([^)]*)\)/.exec(rule.begin) : null;
    if (m) {
      const items = m[1].split('|').map((n) => n.replace(/\\(.)/g, '$1'));
      if (key === 'plugin-options') {
        prefixes = items;
      } else {
        names.push(...items);
      }
    }
    for (const child of rule.patterns ?? []) {
      visit(child);
    }
  };
  for (const [key, rule] of Object.entries(grammar.repository)) {
    visit(rule, key);
  }
  return { names: names.sort(), prefixes: prefixes.sort() };
}
