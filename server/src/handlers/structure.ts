import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from '../state';
import { idToUri, uriToPath } from '../uris';
import { foldingRanges } from '../service/features/folding';
import { formatDocument } from '../service/features/formatting';
import type { LinkContext } from '../service/features/links';
import { definition, documentLinks } from '../service/features/links';
import { documentSymbols, symbolInformation } from '../service/features/symbols';
import { companionSymbols } from '../service';
import { companionKindOf } from './companion';

/** Where links and definitions of a document resolve, and how their paths become URIs. */
function linkContext(state: ServerState, document: TextDocument): LinkContext {
  const filePath = uriToPath(document.uri);
  const settings = state.settingsFor(filePath);
  return { path: filePath, hostPlatform: state.fileSystem().hostPlatform, platform: settings.platform, mappings: settings.pathMappings, toUri: idToUri };
}

/** Outline, folding, links, go to definition and formatting. Returns the capabilities it provides. */
export function registerStructureFeatures(connection: Connection, state: ServerState): ServerCapabilities {
  connection.onDocumentSymbol((params, token) => {
    const document = state.documents.get(params.textDocument.uri);
    if (!document) {
      return [];
    }
    return state.runner.run('Document symbols', document.uri, [], token, () => {
      const companion = companionKindOf(document);
      if (companion) {
        return companionSymbols(companion, document.getText());
      }
      const { model, parsed } = state.analysis(document);
      return state.capabilities.hierarchicalSymbols ? documentSymbols(model, parsed) : symbolInformation(model, document.uri, parsed);
    });
  });

  connection.onFoldingRanges((params, token) => {
    const document = state.documents.get(params.textDocument.uri);
    if (!document || companionKindOf(document)) {
      return [];
    }
    return state.runner.run('Folding ranges', document.uri, [], token, () => foldingRanges(state.parsedFile(document)));
  });

  connection.onDocumentLinks((params, token) => {
    const document = state.documents.get(params.textDocument.uri);
    if (!document || companionKindOf(document)) {
      return [];
    }
    return state.runner.run('Document links', document.uri, [], token, () =>
      documentLinks(state.parsedFile(document), state.settingsFor(uriToPath(document.uri)).brokerVersion, linkContext(state, document)),
    );
  });

  connection.onDefinition((params, token) => {
    const document = state.documents.get(params.textDocument.uri);
    if (!document || companionKindOf(document)) {
      return [];
    }
    return state.runner.run('Definition', document.uri, [], token, () => {
      const { model, parsed } = state.analysis(document);
      const linkSupport = state.capabilities.definitionLinks;
      return definition(model, parsed, params.position, linkContext(state, document), linkSupport);
    });
  });

  connection.onDocumentFormatting((params, token) => {
    const document = state.documents.get(params.textDocument.uri);
    if (!document || companionKindOf(document)) {
      return [];
    }
    return state.runner.run('Formatting', document.uri, [], token, () =>
      formatDocument(state.parsedFile(document), { brokerVersion: state.settingsFor(uriToPath(document.uri)).brokerVersion }, params.options),
    );
  });

  connection.onDocumentRangeFormatting((params, token) => {
    const document = state.documents.get(params.textDocument.uri);
    if (!document || companionKindOf(document)) {
      return [];
    }
    return state.runner.run('Range formatting', document.uri, [], token, () =>
      formatDocument(state.parsedFile(document), { brokerVersion: state.settingsFor(uriToPath(document.uri)).brokerVersion }, params.options, params.range),
    );
  });

  return {
    documentSymbolProvider: { label: 'mosquitto.conf' },
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    definitionProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
  };
}
