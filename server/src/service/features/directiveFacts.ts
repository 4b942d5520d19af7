import type { ArgSpec, DirectiveSpec } from '../data/types';
import { DIRECTIVE_DOCS } from '../data/docs';
import { defaultFor } from '../data/defaults';
import { ENUM_VALUE_SINCE, ENUM_VALUE_UNTIL } from '../data/enums';
import { platformNotes } from '../data/platforms';
import { SINCE, allowedValues } from '../model/reading';
import type { AnalysisSettings } from '../types';
import { atLeast, formatVersion, OLDEST_RELEASE } from '../version';
import type { Block, Inline } from './markup';
import { joinInlines, paragraph } from './markup';

/** Short name of what kind of directive this is. */
export function scopeLabel(spec: DirectiveSpec): string {
  switch (spec.scope) {
    case 'global':
      return 'global option';
    case 'listener':
      return 'listener option';
    case 'security':
      return 'security option';
    case 'bridge':
      return 'bridge option';
    case 'plugin':
      return 'plugin option';
    case 'default-listener':
      return 'default listener option';
    case 'structure':
      return spec.name === 'include_dir' ? 'include' : 'section start';
  }
}

/** Where the directive may be written and what it attaches to, in a sentence. */
export function whereAllowed(spec: DirectiveSpec, settings: AnalysisSettings): Inline[] {
  const version = settings.brokerVersion;
  switch (spec.scope) {
    case 'structure':
      if (spec.name === 'listener') {
        return ['Starts a listener section: the listener options below it configure this listener, until the next ', { code: 'listener' }, '.'];
      }
      if (spec.name === 'connection') {
        return ['Starts a bridge section: the bridge options below it configure this bridge, until the next ', { code: 'connection' }, '.'];
      }
      return ['Main file only: reads the ', { code: '.conf' }, ' files of the folder at this point, in order.'];
    case 'default-listener':
      return ['Always configures the default listener, wherever it is written.'];
    case 'global':
      return ['Global: applies to the whole broker, wherever it is written.'];
    case 'security':
      if (spec.name === 'global_plugin') {
        return ['Global: applies to every listener.'];
      }
      return atLeast(version, SINCE.release1_5)
        ? ['Security option: global, or per listener when ', { code: 'per_listener_settings true' }, ' comes before it.']
        : ['Security option: always global in this version.'];
    case 'listener': {
      const base: Inline[] = ['Listener option: configures the listener it follows.'];
      const requirement = spec.listenerRequirement ?? 'listener-or-default';
      if (!atLeast(version, SINCE.release2_1)) {
        return [...base, ' Before any ', { code: 'listener' }, ' line it configures the default listener.'];
      }
      if (requirement === 'explicit-listener') {
        return [...base, ' Needs a ', { code: 'listener' }, ' line above it (the default listener from ', { code: 'port' }, ' does not count).'];
      }
      if (requirement === 'listener') {
        return [...base, ' Needs a ', { code: 'listener' }, ' or ', { code: 'port' }, ' line above it.'];
      }
      return [...base, ' Before any listener it creates the default listener.'];
    }
    case 'bridge':
      return ['Bridge option: configures the bridge of the ', { code: 'connection' }, ' line above it.'];
    case 'plugin':
      return ['Plugin option: belongs to the latest plugin line above it in the same file.'];
  }
}

/** Since/deprecated/removed, measured against the selected release. */
export function versionFacts(spec: DirectiveSpec, settings: AnalysisSettings): Inline[] {
  const version = settings.brokerVersion;
  const selected = formatVersion(version);
  const facts: Inline[][] = [];
  facts.push(spec.since === formatVersion(OLDEST_RELEASE) ? ['in every release since 1.4'] : [`since ${spec.since}`]);
  if (!atLeast(version, spec.since)) {
    facts.push([{ strong: `not in mosquitto ${selected}` }]);
  }
  if (spec.deprecated) {
    const replacement: Inline[] = spec.deprecated.replacement ? [' (use ', spec.deprecated.replacement, ')'] : [];
    facts.push([`deprecated since ${spec.deprecated.version}`, ...replacement]);
  }
  if (spec.removed) {
    const what = spec.removed.kind === 'unknown' ? `removed in ${spec.removed.version}: the broker refuses it` : `ignored since ${spec.removed.version}`;
    facts.push(atLeast(version, spec.removed.version) ? [{ strong: what }] : [what]);
  }
  return joinInlines(facts, '; ');
}

/** The build features a directive needs, in words. */
function buildNote(spec: DirectiveSpec): string | undefined {
  const names: Record<string, string> = { bridge: 'bridge', tls: 'TLS', 'tls-psk': 'TLS-PSK', websockets: 'websockets' };
  const needed = spec.features.map((f) => names[f] ?? f);
  return needed.length > 0 ? `a broker built with ${needed.join(' and ')} support` : undefined;
}

/** Allowed spellings of one argument for the selected release, with those it lacks marked. */
function valuesOf(spec: DirectiveSpec, arg: ArgSpec, index: number, settings: AnalysisSettings): Inline[] | undefined {
  if (!arg.values) {
    return undefined;
  }
  if (arg.type === 'bool') {
    return [{ code: 'true' }, ' or ', { code: 'false' }, ' (also ', { code: '1' }, ', ', { code: '0' }, ')'];
  }
  const name = spec.name;
  const allowed = index === 0 ? allowedValues(name, arg.values, settings.brokerVersion) : [...arg.values];
  const all = [...arg.values];
  return joinInlines(
    all
      .filter((v, i) => all.indexOf(v) === i)
      .map((value): Inline[] => {
        if (allowed.includes(value)) {
          return [{ code: value }];
        }
        const since = ENUM_VALUE_SINCE[name]?.[value];
        const until = ENUM_VALUE_UNTIL[name]?.[value];
        const why =
          since !== undefined && !atLeast(settings.brokerVersion, since) ? `${since}+` : until !== undefined ? `before ${until}` : 'not in this build';
        return [{ code: value }, ` (${why})`];
      }),
    ', ',
  );
}

/**
 * Everything we know about a directive, for hover and completion documentation: what it
 * does, syntax and values, default, where it goes, versions, platform and build notes.
 */
export function directiveFacts(spec: DirectiveSpec, settings: AnalysisSettings, options: { readonly title?: boolean } = {}): Block[] {
  const docs = DIRECTIVE_DOCS[spec.name];
  const blocks: Block[] = [];
  if (options.title !== false) {
    blocks.push(paragraph({ code: spec.name }, ` — ${scopeLabel(spec)}`));
  }
  if (docs) {
    blocks.push(paragraph({ prose: docs.summary }));
    if (docs.details) {
      blocks.push(paragraph({ prose: docs.details }));
    }
  }
  const rows: { label: string; value: Inline[] }[] = [{ label: 'Syntax', value: [{ code: spec.syntax }] }];
  spec.args.forEach((arg, index) => {
    const values = valuesOf(spec, arg, index, settings);
    if (values) {
      rows.push({ label: spec.args.length > 1 ? `Values of ${arg.name}` : 'Values', value: values });
    }
  });
  const byDefault = defaultFor(spec.name, settings.brokerVersion);
  if (byDefault !== undefined) {
    rows.push({ label: 'Default', value: [{ prose: byDefault }] });
  }
  rows.push({ label: 'Where', value: whereAllowed(spec, settings) });
  rows.push({ label: 'Versions', value: versionFacts(spec, settings) });
  for (const note of platformNotes(spec.name)) {
    const here = note.platforms.includes(settings.platform) ? ' (the selected platform)' : '';
    rows.push({ label: `Platform: ${note.platforms.map(platformName).join(', ')}${here}`, value: [{ prose: note.note }] });
  }
  const build = buildNote(spec);
  if (build) {
    rows.push({ label: 'Needs', value: [build] });
  }
  blocks.push({ kind: 'fields', rows });
  if (docs?.example) {
    blocks.push({ kind: 'code', text: docs.example });
  }
  return blocks;
}

function platformName(platform: string): string {
  return platform === 'windows' ? 'Windows' : platform === 'macos' ? 'macOS' : 'Linux';
}

/** The explanation of one value of a directive's argument, when docs.ts has one. */
export function valueExplanation(spec: DirectiveSpec, value: string): string | undefined {
  return DIRECTIVE_DOCS[spec.name]?.values?.[value];
}

/** Whether the release accepts this value of the directive's first argument, and since when. */
export function valueAvailability(
  spec: DirectiveSpec,
  value: string,
  settings: AnalysisSettings,
): { readonly allowed: boolean; readonly since?: string; readonly until?: string } {
  const arg = spec.args[0];
  const name = spec.name;
  const since = ENUM_VALUE_SINCE[name]?.[value];
  const until = ENUM_VALUE_UNTIL[name]?.[value];
  const allowed = arg?.values ? allowedValues(name, arg.values, settings.brokerVersion).includes(value) : true;
  return { allowed, since, until };
}
