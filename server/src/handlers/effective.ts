import type { Connection, DocumentLink } from 'vscode-languageserver/node';
import type { ServerState } from '../server';
import { idToUri, runSafe } from '../server';
import { effectiveConfig, renderEffectiveView } from '../service';

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

/**
 * The effective configuration of an open document, for the client's read-only view. For an
 * included file, the configuration that includes it (the broker reads it only through that).
 */
export function registerEffectiveFeatures(connection: Connection, state: ServerState): void {
  connection.onRequest('mosquitto/effectiveConfiguration', (params: EffectiveConfigurationParams, token) => {
    const empty: EffectiveConfigurationResult = { text: '# Open a mosquitto configuration file to see its effective configuration.\n', links: [] };
    const document = state.documents.get(params.uri);
    if (!document) {
      return empty;
    }
    return runSafe(connection, 'Effective configuration', params.uri, empty, token, (): EffectiveConfigurationResult => {
      const analysis = state.includingAnalysis(document)?.analysis ?? state.analysis(document);
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
}
