import type { TextEdit } from 'vscode-languageserver-types';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { atLeast } from '../version';
import type { Fix, FixContext } from '../engine/rule';
import { atName, directiveRule } from '../engine/rule';
import { directivesWhere, findDirective } from '../data';
import { lastEntry } from '../model/config';
import { deleteLine, insertLinesBefore, replaceLine } from '../model/lineEdits';
import { nameOf } from '../model/reading';
import type { Directive } from '../parser/parser';
import { lineOf } from '../parser/parser';
import { columnsRange } from '../model/positions';

/** The replacement the catalogue names, if any. */
export interface Replacement {
  readonly replacement: string | undefined;
}

/** Options that still work but are on their way out, with their replacement. */
export default directiveRule<Replacement>({
  id: 'deprecated-option',
  directives: directivesWhere((spec) => spec.deprecated !== undefined),
  lineLocal: true,
  title: 'Deprecated option',
  check(d, { settings, report }) {
    const deprecated = d.spec?.deprecated;
    if (!deprecated || !atLeast(settings.brokerVersion, deprecated.version) || (d.spec?.removed && atLeast(settings.brokerVersion, d.spec.removed.version))) {
      return;
    }
    const instead = deprecated.replacement
      ? ` Use ${deprecated.replacement
          .split(', ')
          .map((r) => (/^[a-z_./<> *]+$/.test(r) ? `'${r}'` : r))
          .join(', ')} instead.`
      : '';
    report(
      atName(d, `'${d.name}' is deprecated since mosquitto ${deprecated.version}.${instead}`, 'information', {
        tags: [DiagnosticTag.Deprecated],
        data: { replacement: deprecated.replacement },
      }),
    );
  },
  fix(context) {
    const name = context.directive ? nameOf(context.directive) : '';
    return name === 'port' || name === 'bind_address' ? portToListener(context) : renameDeprecated(context);
  },
});

/** `port N` (+ `bind_address A`) becomes `listener N [A]`, where the default listener's options stay with it. */
function portToListener(context: FixContext<Replacement>): Fix[] {
  const { model, file, fileId } = context;
  const dl = model.defaultListener;
  const port = lastEntry(dl, 'port');
  const bind = lastEntry(dl, 'bind_address');
  const lines = [port, bind].filter((d): d is Directive => d !== undefined);
  const repeated = dl.entries.filter((e) => nameOf(e) === 'port' || nameOf(e) === 'bind_address').length > lines.length;
  if (repeated || lines.some((d) => d.file !== fileId) || dl.entries.some((e) => e.file !== fileId) || (port && port.args.length === 0)) {
    return [];
  }
  const line = (d: Directive): number => lineOf(file, d);
  const members = [...dl.entries].sort((a, b) => line(a) - line(b));
  const first = members[0];
  const last = members[members.length - 1];
  if (!first || !last) {
    return [];
  }
  // From the new listener line down to the next `listener` line, every option must be one the
  // default listener (or the whole broker, or a bridge) had: it will now configure the new listener.
  const firstLine = line(first);
  const lastLine = line(last);
  for (let i = firstLine + 1; i < file.lines.length; i++) {
    const d = file.lines[i].directive;
    if (!d) {
      continue;
    }
    if (nameOf(d) === 'listener') {
      if (i < lastLine) {
        return [];
      }
      break;
    }
    if (model.placements.get(d)?.target?.kind === 'listener') {
      return [];
    }
  }
  const text = `listener ${port?.args[0].text ?? '1883'}${bind && bind.value.length > 0 ? ` ${bind.value}` : ''}`;
  const edits: TextEdit[] = [];
  if (lines.includes(first)) {
    edits.push(replaceLine(file, firstLine, `${' '.repeat(first.nameStart)}${text}`));
  } else {
    edits.push(insertLinesBefore(file, firstLine, [text]));
  }
  for (const d of lines) {
    if (d !== first) {
      edits.push(deleteLine(file, line(d)));
    }
  }
  return [{ title: `Rewrite as '${text}'`, edits, preferred: true }];
}

/** Deprecated synonyms with a drop-in replacement (same scope and arguments). */
function renameDeprecated(context: FixContext<Replacement>): Fix[] {
  const d = context.directive;
  const spec = d?.spec;
  const replacement = spec?.deprecated?.replacement;
  if (!d || !spec || !replacement) {
    return [];
  }
  if (spec.prefix !== undefined) {
    const target = findDirective(replacement);
    if (!target?.prefix || target.scope !== spec.scope || !atLeast(context.model.settings.brokerVersion, target.since)) {
      return [];
    }
    const renamed = target.prefix + d.name.slice(spec.prefix.length);
    return [{ title: `Change to '${renamed}'`, edits: [{ range: columnsRange(context.file, d, d.nameStart, d.nameEnd), newText: renamed }], preferred: true }];
  }
  const target = /^[a-z_]+$/.test(replacement) ? findDirective(replacement) : undefined;
  if (!target || target.scope !== spec.scope || target.valueMode !== spec.valueMode || !atLeast(context.model.settings.brokerVersion, target.since)) {
    return [];
  }
  return [
    { title: `Change to '${replacement}'`, edits: [{ range: columnsRange(context.file, d, d.nameStart, d.nameEnd), newText: replacement }], preferred: true },
  ];
}
