import type { Diagnostic, InlayHint, Position, Range } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultFor } from '../data/defaults';
import type { ConfigModel } from '../model/config';
import { activeListeners } from '../model/config';
import { effectiveListener, listenerSummary } from '../model/effective';
import type { Directive } from '../parser/parser';
import { lineIn } from '../model/positions';
import { atoi, readBool } from '../util/numbers';
import { basename } from '../util/paths';
import { formatVersion } from '../version';

/** Which inlay hints to show (`mosquitto.inlayHints.*`). */
export interface InlayHintOptions {
  /** After `listener` (and `port`): protocol, TLS and authentication of the listener. */
  readonly listenerSummary: boolean;
  /** After a security or listener option that applies somewhere else than where it is written. */
  readonly scope: boolean;
  /** After an option set to the value the release uses anyway. */
  readonly defaults: boolean;
  /** After `include_dir`: the files the broker reads, in its order. */
  readonly includeFiles: boolean;
}

export const ALL_INLAY_HINTS: InlayHintOptions = { listenerSummary: true, scope: true, defaults: true, includeFiles: true };

/** The finding that says a listener refuses anonymous clients; summaries leave that part to it. */
const ANONYMOUS_REFUSED = 'anonymous-refused';

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** How many include_dir file names a hint lists before "+N more". */
const INCLUDE_NAMES_SHOWN = 4;

function nameOf(d: Directive): string {
  return d.spec?.prefix !== undefined ? d.spec.name : (d.spec?.aliasOf ?? d.name);
}

/** Whether a written value equals the release default (booleans and numbers compared as the broker reads them). */
function isDefaultValue(d: Directive, model: ConfigModel): boolean {
  if (!d.spec || d.spec.args.length !== 1 || d.args.length !== 1) {
    return false;
  }
  const text = defaultFor(nameOf(d), model.settings.brokerVersion)?.replace(/`/g, '');
  if (text === undefined || !/^[\w.-]+$/.test(text)) {
    return false;
  }
  const value = d.args[0].text;
  switch (d.spec.args[0].type) {
    case 'bool':
      return readBool(value) !== undefined && readBool(value) === readBool(text);
    case 'int':
      return atoi(value) === atoi(text) && /^-?\d+$/.test(value);
    default:
      return value === text;
  }
}

/**
 * Inlay hints of one file of a configuration: listener summaries, where an option really
 * applies, options that repeat the default, and the files an include_dir reads. A hint never
 * repeats a finding: no hint on a line with an error or warning; no scope or default hint on a
 * line with any finding; a listener summary leaves out the anonymous part when
 * `anonymous-refused` already says it.
 */
export function inlayHints(
  model: ConfigModel,
  fileId: string,
  range: Range,
  diagnostics: readonly Diagnostic[],
  options: InlayHintOptions = ALL_INLAY_HINTS,
): InlayHint[] {
  const findings = new Map<number, { code: string; serious: boolean }[]>();
  for (const d of diagnostics) {
    const severity = d.severity ?? DiagnosticSeverity.Error;
    if (severity !== DiagnosticSeverity.Hint) {
      findings.set(d.range.start.line, [
        ...(findings.get(d.range.start.line) ?? []),
        { code: String(d.code), serious: severity <= DiagnosticSeverity.Warning },
      ]);
    }
  }
  const hints: InlayHint[] = [];
  const inRange = (p: Position): boolean => comparePositions(p, range.start) >= 0 && comparePositions(p, range.end) <= 0;
  /** `quiet`: only on lines without findings; `tolerated`: a finding whose story the hint leaves out. */
  const add = (d: Directive, label: string, tooltip: string, quiet: boolean, tolerated?: string): void => {
    if (d.file !== fileId) {
      return;
    }
    // lineIn: a file read twice (two include_dir lines) has a parse per reading.
    const line = lineIn(model, d);
    const end: Position = { line, character: d.text.length };
    const found = (findings.get(line) ?? []).filter((f) => f.code !== tolerated);
    if (!inRange(end) || found.some((f) => f.serious) || (quiet && found.length > 0)) {
      return;
    }
    hints.push({ position: end, label, paddingLeft: true, tooltip });
  };
  const version = formatVersion(model.settings.brokerVersion);
  const active = new Set(activeListeners(model));
  const summaries = new Map<Directive, string>();
  if (options.listenerSummary) {
    for (const section of active) {
      const anchor = section.kind === 'default-listener' ? section.entries.find((d) => nameOf(d) === 'port') : section.header;
      if (anchor) {
        const said = anchor.file === fileId && (findings.get(lineIn(model, anchor)) ?? []).some((f) => f.code === ANONYMOUS_REFUSED);
        const summary = listenerSummary(effectiveListener(model, section), !said);
        summaries.set(anchor, section.kind === 'default-listener' ? `default listener · ${summary}` : summary);
      }
    }
  }
  // Whether a `listener` line has been read in the current file (the broker's state is per file).
  const underListener = new Map<string, boolean>();
  for (const d of model.order) {
    const placement = model.placements.get(d);
    if (d.name === 'listener' && placement?.kind === 'section-start') {
      underListener.set(d.file, true);
    }
    const summary = summaries.get(d);
    if (summary !== undefined) {
      add(d, summary, `What mosquitto ${version} does on this listener`, false, ANONYMOUS_REFUSED);
      continue;
    }
    if (options.includeFiles && nameOf(d) === 'include_dir') {
      const info = model.includes.find((i) => i.directive === d);
      if (info?.status === 'ok') {
        const names = info.files.map(basename);
        const shown = names.slice(0, INCLUDE_NAMES_SHOWN).join(', ');
        const more = names.length > INCLUDE_NAMES_SHOWN ? `, +${names.length - INCLUDE_NAMES_SHOWN} more` : '';
        add(
          d,
          names.length === 0 ? 'no .conf files' : `${names.length} ${names.length === 1 ? 'file' : 'files'}: ${shown}${more}`,
          'The files the broker reads here, in its order',
          false,
        );
      }
      continue;
    }
    if (options.scope && placement) {
      if (placement.kind === 'security-global' && underListener.get(d.file) === true) {
        add(d, '→ all listeners', 'per_listener_settings is false: security options apply to every listener, wherever they are written', true);
        continue;
      }
      if ((placement.kind === 'security-default-listener' || placement.kind === 'implicit-default-listener') && underListener.get(d.file) !== true) {
        add(d, '→ default listener', 'Written before any listener line: it configures the default listener (port 1883 unless port says otherwise)', true);
        continue;
      }
    }
    if (options.defaults && isDefaultValue(d, model)) {
      add(d, 'default', `mosquitto ${version} uses this value when the line is absent`, true);
    }
  }
  return hints;
}
