import type { Hover, Position, Range } from 'vscode-languageserver-types';
import type { DirectiveSpec } from '../data/types';
import type { Analysis } from '../index';
import type { ConfigModel } from '../model/config';
import { describeSection } from '../model/config';
import type { Directive, Token } from '../parser/parser';
import { atLeast, formatVersion } from '../version';
import { directiveFacts, valueAvailability, valueExplanation } from './directiveFacts';
import { fileOf } from '../model/lineContext';
import { lineIn } from '../model/positions';
import { SINCE, nameOf } from '../model/reading';
import type { Block, Inline } from './markup';
import { paragraph, renderMarkup } from './markup';
import type { TlsFileRef } from '../model/tls';
import { conversionCommand, describeFormat, holdsTlsMaterial, tlsFileRef } from '../model/tls';
import type { CertificateFacts, FileSystemAccess, TlsInspector } from '../types';
import { NO_FILE_SYSTEM } from '../types';

/** What the client can render. */
export interface HoverClient {
  readonly markdown: boolean;
}

/** Columns of the hovered line (the line the directive was looked up by). */
function columnsAt(line: number, token: { start: number; end: number }): Range {
  return { start: { line, character: token.start }, end: { line, character: token.end } };
}

/**
 * Hover for a position: on a directive name, what it does, its syntax, values, default,
 * where it goes, versions and platform notes, plus the section this line applies to; on a
 * keyword value, what that value means.
 */
export function hover(analysis: Analysis, fileId: string, position: Position, client: HoverClient, fs: FileSystemAccess = NO_FILE_SYSTEM): Hover | null {
  const model = analysis.model;
  const file = fileOf(model, fileId);
  const d = file.lines[position.line]?.directive;
  if (!d || !d.spec) {
    return null;
  }
  if (position.character >= d.nameStart && position.character <= d.nameEnd) {
    return {
      contents: renderMarkup(directiveHover(model, d, d.spec), client.markdown),
      range: columnsAt(position.line, { start: d.nameStart, end: d.nameEnd }),
    };
  }
  const index = d.args.findIndex((t) => position.character >= t.start && position.character <= t.end);
  if (index === -1) {
    return null;
  }
  const tlsFile = tlsFileRef(d, model, model.settings, fs);
  if (tlsFile && fs.tls && position.character >= tlsFile.start && position.character <= tlsFile.end) {
    const blocks = tlsFileHover(tlsFile, fs.tls);
    if (blocks) {
      return { contents: renderMarkup(blocks, client.markdown), range: columnsAt(position.line, tlsFile) };
    }
  }
  const value = valueAt(d, d.spec, index, position.character);
  if (value) {
    const blocks = valueHover(model, d.spec, value.text);
    if (blocks) {
      return { contents: renderMarkup(blocks, client.markdown), range: columnsAt(position.line, value) };
    }
  }
  return { contents: renderMarkup(directiveHover(model, d, d.spec), client.markdown), range: columnsAt(position.line, d.args[index]) };
}

/** The keyword value under the cursor: a whole token, or one item of a comma list. */
function valueAt(d: Directive, spec: DirectiveSpec, index: number, character: number): Token | undefined {
  const token = d.args[index];
  const arg = spec.valueMode === 'token' || spec.valueMode === 'string' ? (index === 0 ? spec.args[0] : undefined) : spec.args[index];
  if (!arg?.values) {
    return undefined;
  }
  if (arg.type !== 'list') {
    return token;
  }
  let start = token.start;
  for (const item of token.text.split(',')) {
    const end = start + item.length;
    if (character >= start && character <= end) {
      return { text: item, start, end };
    }
    start = end + 1;
  }
  return undefined;
}

function directiveHover(model: ConfigModel, d: Directive, spec: DirectiveSpec): Block[] {
  const blocks = directiveFacts(spec, model.settings);
  const applies = appliesTo(model, d);
  if (applies) {
    // Right under the title: the one thing no manual can tell.
    blocks.splice(1, 0, paragraph(...applies));
  }
  return blocks;
}

function valueHover(model: ConfigModel, spec: DirectiveSpec, value: string): Block[] | undefined {
  const explanation = valueExplanation(spec, value);
  if (!explanation) {
    return undefined;
  }
  const blocks: Block[] = [paragraph({ code: value }, ' — value of ', { code: spec.name }), paragraph({ prose: explanation })];
  const availability = valueAvailability(spec, value, model.settings);
  const facts: Inline[] = [];
  if (availability.since) {
    facts.push(`Since ${availability.since}.`);
  }
  if (availability.until) {
    facts.push(`${facts.length > 0 ? ' ' : ''}Refused from ${availability.until}.`);
  }
  if (!availability.allowed) {
    facts.push(facts.length > 0 ? ' ' : '', { strong: `Not accepted by mosquitto ${formatVersion(model.settings.brokerVersion)}.` });
  }
  if (facts.length > 0) {
    blocks.push(paragraph(...facts));
  }
  return blocks;
}

/** "Applies to: …": the section the broker applies this line to, from the section model. */
export function appliesTo(model: ConfigModel, d: Directive): Inline[] | undefined {
  const placement = model.placements.get(d);
  if (!placement) {
    return undefined;
  }
  const label = (...text: Inline[]): Inline[] => [{ strong: 'Applies to:' }, ' ', ...text];
  const pls: Inline = { code: 'per_listener_settings' };
  const target = placement.target;
  const section = target ? describeSection(target) : '';
  const dl = model.defaultListener;
  const defaultListener = `the default listener (port ${dl.port ?? 1883})`;
  switch (placement.kind) {
    case 'global':
      return label('the whole broker (global option)');
    case 'security-global':
      if (nameOf(d) === 'global_plugin') {
        return label('the whole broker (global plugin)');
      }
      return atLeast(model.settings.brokerVersion, SINCE.release1_5)
        ? label('the whole broker (', pls, ' is false)')
        : label('the whole broker (this version has no per-listener security)');
    case 'listener':
    case 'bridge':
      return label(section);
    case 'security-listener':
      return label(`${section} (`, pls, ' is true)');
    case 'default-listener':
      return label(defaultListener);
    case 'implicit-default-listener':
      return label(dl.explicit ? `${defaultListener}, set up by the port or bind_address line` : 'the default listener (no listener defined above)');
    case 'security-default-listener':
      return dl.explicit ? label(`${defaultListener} (`, pls, ' is true)') : label('the default listener (', pls, ' is true and no listener is defined above)');
    case 'plugin': {
      const plugin = placement.plugin;
      const where = target ? ` (${target.kind === 'global' ? 'global' : section})` : '';
      return label(plugin ? `the plugin on line ${lineIn(model, plugin) + 1}${where}` : 'the plugin above');
    }
    case 'section-start': {
      const count = target ? target.entries.filter((e) => e !== d).length : 0;
      return [{ strong: 'Starts:' }, ` ${section}, configured by ${count === 1 ? '1 line' : `${count} lines`}`];
    }
    case 'include': {
      const info = model.includes.find((i) => i.directive === d);
      const files = info?.files.length ?? 0;
      return [
        { strong: 'Reads:' },
        info?.status === 'ok' ? ` ${files === 1 ? '1 file' : `${files} files`} at this point` : " the folder's .conf files at this point",
      ];
    }
    case 'no-listener':
      return label('nothing: no listener is defined above it (the broker refuses to start)');
    case 'no-explicit-listener':
      return label('nothing: it needs a ', { code: 'listener' }, ' line above it (the broker refuses to start)');
    case 'no-bridge':
      return label('nothing: no ', { code: 'connection' }, ' line above it (the broker refuses to start)');
    case 'no-plugin':
      return label('nothing: no plugin line above it in this file (the broker refuses to start)');
    case 'unknown':
      return undefined;
  }
}

function keyDescription(type: string | undefined, bits: number | undefined, curve: string | undefined): string {
  const name = type === undefined ? 'unknown type' : type.toUpperCase();
  return [name, bits !== undefined ? `${bits} bits` : undefined, curve].filter((x) => x !== undefined).join(', ');
}

function certificateRows(certificate: CertificateFacts): Block {
  return {
    kind: 'fields',
    rows: [
      { label: 'Subject', value: [certificate.subject] },
      { label: 'Issuer', value: [certificate.selfSigned ? `${certificate.issuer} (self-signed)` : certificate.issuer] },
      ...(certificate.subjectAltNames.length > 0 ? [{ label: 'Names (SAN)', value: [certificate.subjectAltNames.join(', ')] }] : []),
      { label: 'Valid', value: [`${certificate.validFrom.slice(0, 10)} to ${certificate.validTo.slice(0, 10)}`] },
      { label: 'Key', value: [keyDescription(certificate.keyType, certificate.keyBits, certificate.curve)] },
      { label: 'CA', value: [certificate.ca ? 'yes (can sign certificates)' : 'no'] },
    ],
  };
}

/**
 * What a certificate, key or CRL file holds: subject, issuer, names, validity and key of each
 * certificate; type and size of a key (never the key); the format and how to convert it.
 */
function tlsFileHover(ref: TlsFileRef, tls: TlsInspector): Block[] | undefined {
  if (ref.slot === 'capath') {
    const folder = tls.inspectCaPath(ref.path);
    return folder ? [paragraph({ strong: 'CA folder' }, `: ${folder.certificates} certificate(s), ${folder.hashed} reachable by hashed name.`)] : undefined;
  }
  const facts = tls.inspect(ref.path);
  if (!facts) {
    return undefined;
  }
  const blocks: Block[] = [];
  if (!holdsTlsMaterial(facts)) {
    blocks.push(paragraph({ strong: 'Not usable PEM' }, `: this file is ${describeFormat(facts)}.`));
    const command = conversionCommand(facts, ref.slot, ref.path);
    if (command) {
      blocks.push(paragraph('Convert it with:'), { kind: 'code', text: command });
    }
    return blocks;
  }
  facts.certificates.slice(0, 4).forEach((certificate, index) => {
    if (index > 0) {
      blocks.push({ kind: 'separator' });
    }
    blocks.push(paragraph({ strong: index === 0 ? 'Certificate' : `Certificate ${index + 1}` }), certificateRows(certificate));
  });
  if (facts.certificates.length > 4) {
    blocks.push(paragraph(`… and ${facts.certificates.length - 4} more certificate(s).`));
  }
  for (const key of facts.privateKeys.slice(0, 1)) {
    if (blocks.length > 0) {
      blocks.push({ kind: 'separator' });
    }
    blocks.push(paragraph({ strong: 'Private key' }, `: ${key.encrypted ? 'protected by a passphrase' : keyDescription(key.keyType, key.keyBits, undefined)}`));
  }
  if (facts.crls > 0) {
    blocks.push(paragraph({ strong: 'Revocation lists' }, `: ${facts.crls}`));
  }
  return blocks;
}
