/**
 * The mosquitto.conf language service: pure functions from text (plus injected file access)
 * to LSP types. No editor, protocol or Node-specific code lives here.
 */
import type { ConfigModel } from './model/config';
import { updateConfig } from './model/config';
import type { ParsedFile } from './parser/parser';
import { parse } from './parser/parser';
import type { AnalysisSettings, FileSystemAccess, Platform, RuleSeverity } from './types';
import { NO_FILE_SYSTEM } from './types';
import type { DiagnosticsByFile } from './engine/validate';
import { validateConfig } from './engine/validate';
import type { FindingsCache } from './engine/validate';
import { NEWEST_RELEASE } from './version';

export * from './types';
export * from './version';
export { parse, parseLine, splitTokens } from './parser/parser';
export type { Directive, ParsedFile, ParsedLine, Token } from './parser/parser';
export {
  buildConfig,
  updateConfig,
  isFragmentPath,
  describeSection,
  activeListeners,
  lastEntry,
  listenerProtocol,
  compareIncludeNames,
  isIncludedName as isIncludedNameForBroker,
} from './model/config';
export type { ConfigModel, Section, Placement, PlacementKind, IncludeInfo } from './model/config';
export { effectiveConfig, listenerSummary } from './model/effective';
export type { EffectiveConfig, EffectiveListener, EffectiveOption, EffectiveOrigin, EffectiveBridge, EffectiveAuthentication } from './model/effective';
export { positionAfterEdit, withoutWordBeingTyped } from './features/typing';
export { renderEffectiveView } from './features/effectiveView';
export type { EffectiveView, EffectiveViewLink } from './features/effectiveView';
export { validateConfig, runRules, FindingsCache, DIAGNOSTIC_SOURCE, INCLUDED_FILE_ERRORS, SUPPRESSION_COMMENT } from './engine/validate';
export type { DiagnosticsByFile, RuleFindings } from './engine/validate';
export { CONFIGURABLE_RULES, RULES, ruleById } from './engine/registry';
export type { ConfigurableRule } from './engine/registry';
export type { Rule, DirectiveRule, SectionRule, ConfigurationRule, Finding } from './engine/rule';
export { COMPANION_RULES, companionRuleById, companionFindings, validateCompanion, checkDynsec } from './engine/companion';
export type { CompanionRule, CompanionRuleFinding } from './engine/companionRule';
export { companionCodeActions, HASH_PLAINTEXT_COMMAND } from './features/companionActions';
export { resolveBrokerPath, describeMapping, describeVolume, serviceFolder } from './model/brokerPaths';
export type { PathMapping, BrokerPath } from './model/brokerPaths';
export { detectContainers, describeDetection, readCompose, readDockerfile, versionFromTag } from './model/containers';
export type { ContainerDetection } from './model/containers';
export { DIRECTIVES, DIRECTIVE_NAMES, findDirective, canonicalName } from './data';
export type { DirectiveSpec, ArgSpec } from './data';

/** Settings with every field filled in: newest release, Linux, path checks on, no overrides. */
export function defaultSettings(overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return { brokerVersion: NEWEST_RELEASE, platform: 'linux' as Platform, checkPaths: true, rules: {} as Record<string, RuleSeverity>, ...overrides };
}

/** A document to analyse. */
export interface AnalysisInput {
  readonly text: string;
  /** Id of the document (a URI in the editor, a path in the CLI). */
  readonly uri: string;
  /** Native path of the file, when it is on disk (for include_dir and path checks). */
  readonly path?: string;
  /** A conf.d-style fragment analysed without the file that includes it (no whole-config findings). */
  readonly fragment?: boolean;
}

/** Everything one analysis produces; every feature works from this. */
export interface Analysis {
  readonly parsed: ParsedFile;
  readonly model: ConfigModel;
  readonly diagnostics: DiagnosticsByFile;
}

/**
 * Parses, builds the section model and validates one configuration. For a document being
 * edited, pass the previous parse's result as `parsed` (from `parse(text, uri, previous)`)
 * and one FindingsCache per document: unchanged lines keep their line-local findings, and an
 * edit that touches no structure line patches the last section model.
 */
export function analyze(
  input: AnalysisInput,
  settings: AnalysisSettings = defaultSettings(),
  fs: FileSystemAccess = NO_FILE_SYSTEM,
  parsed?: ParsedFile,
  cache?: FindingsCache,
): Analysis {
  const main = parsed ?? parse(input.text, input.uri);
  // With a cache, an edit that touches no structure line patches the last model instead of
  // building it again (updateConfig).
  const model = updateConfig(cache?.model, { main, path: input.path, fragment: input.fragment }, settings, fs);
  if (cache) {
    cache.model = model;
  }
  return { parsed: main, model, diagnostics: validateConfig(model, settings, fs, cache) };
}
export * from './companion';
