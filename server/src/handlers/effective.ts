import type { Connection, DocumentLink, InlayHint, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerState } from '../state';
import { idToUri, uriToPath } from '../uris';
import { effectiveConfig, renderEffectiveView } from '../service';
import type { InlayHintOptions } from '../service/features/inlayHints';
import { inlayHints } from '../service/features/inlayHints';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from '../service/features/semanticTokens';
import type { UserSettings } from '../settings';

/** Parameters of the custom request `mosquitto/effectiveConfiguration`. */
export interface EffectiveConfigurationParams {
  /** URI of an open mosquitto.conf document. */
  uri: string;
}

/** Answer of `mosquitto/effectiveConfiguration`: the view's text and its links back to the source. */
export interface EffectiveConfigurationResult {
  text: string;
  /** `file:line` references of the text, each pointing at the line (`#L<n>` fragment). */
  links: DocumentLink[];
}

/** `mosquitto.inlayHints.*`: every kind on unless switched off, all off with `enabled: false`. */
export function inlayHintOptions(user: UserSettings): InlayHintOptions | undefined {
  const hints = user.inlayHints ?? {};
  if (hints.enabled === false) {
    return undefined;
  }
  return {
    listenerSummary: hints.listenerSummary !== false,
    scope: hints.scope !== false,
    defaults: hints.defaults !== false,
    includeFiles: hints.includeFiles !== false,
  };
}

/**
 * What the broker will make of a configuration: the effective configuration view (custom
 * request) and inlay hints. For an included file, the configuration that includes it (the
 * broker reads it only through that).
 */
export function registerEffectiveFeatures(connection: Connection, state: ServerState): { capabilities: ServerCapabilities; settingsChanged: () => void } {
  const analysisOf = (uri: string) => {
    const document = state.documents.get(uri);
    return document ? state.featureAnalysis(document).analysis : undefined;
  };

  connection.onRequest('mosquitto/effectiveConfiguration', (params: EffectiveConfigurationParams, token) => {
    const empty: EffectiveConfigurationResult = { text: '# Open a mosquitto configuration file to see its effective configuration.\n', links: [] };
    return state.runner.run('Effective configuration', params.uri, empty, token, (): EffectiveConfigurationResult => {
      const analysis = analysisOf(params.uri);
      if (!analysis) {
        return empty;
      }
      const view = renderEffectiveView(effectiveConfig(analysis.model));
      return {
        text: view.text,
        links: view.links.map((link) => ({
          range: { start: { line: link.line, character: link.start }, end: { line: link.line, character: link.end } },
          target: `${idToUri(link.file)}#L${link.targetLine + 1}`,
        })),
      };
    });
  });

  connection.languages.inlayHint.on((params, token) => {
    const uri = params.textDocument.uri;
    return state.runner.run('Inlay hints', uri, [] as InlayHint[], token, () => {
      const options = inlayHintOptions(state.userSettings);
      const analysis = analysisOf(uri);
      if (!options || !analysis) {
        return [];
      }
      const fileId = uriToPath(uri) ?? uri;
      return inlayHints(analysis.model, fileId, params.range, analysis.diagnostics.get(fileId) ?? [], options);
    });
  });

  connection.languages.semanticTokens.on((params, token) => {
    const uri = params.textDocument.uri;
    return state.runner.run('Semantic tokens', uri, { data: [] as number[] }, token, () => {
      const document = state.documents.get(uri);
      const analysis = analysisOf(uri);
      if (!document || !analysis) {
        return { data: [] };
      }
      const fileId = uriToPath(uri) ?? uri;
      return semanticTokens(state.parsedFile(document), analysis.diagnostics.get(fileId) ?? []);
    });
  });

  return {
    capabilities: { inlayHintProvider: true, semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true } },
    settingsChanged: () => {
      if (state.capabilities.inlayHintRefresh) {
        void connection.languages.inlayHint.refresh();
      }
      if (state.capabilities.semanticTokensRefresh) {
        void connection.languages.semanticTokens.refresh();
      }
    },
  };
}
