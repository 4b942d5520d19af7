import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { DidChangeConfigurationNotification, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Version } from './service';
import { BROKER_SOURCE, checkWithBroker, detectBrokerVersionAsync } from './broker';
import { CONFIG_FILE_NAME } from './configFile';
import { DiagnosticsPublisher } from './diagnostics';
import { COMPANION_LANGUAGE_REQUEST, companionKindOf, companionLanguageOf } from './handlers/companion';
import { registerEditingFeatures } from './handlers/editing';
import { registerEffectiveFeatures } from './handlers/effective';
import { registerStructureFeatures } from './handlers/structure';
import { findRuleDocs } from './ruleDocs';
import type { UserSettings } from './settings';
import { toAnalysisSettings } from './settings';
import { ServerState } from './state';
import { uriToPath } from './uris';

export type { ClientCapabilitiesSummary } from './state';
export { ServerState } from './state';

/** initializationOptions the server understands. */
export interface InitializationOptions {
  /** Settings for clients that cannot answer workspace/configuration. */
  settings?: UserSettings;
  /** Milliseconds between the last edit and validation (default 150). */
  diagnosticsDelay?: number;
  /** The workspace is trusted: the server may run the installed broker (version detection, checks). */
  trusted?: boolean;
}

/** Parameters of the custom request `mosquitto/checkWithBroker`. */
export interface CheckWithBrokerParams {
  uri: string;
}

/** Wires the protocol to the language service. */
export function startServer(connection: Connection, version: string): ServerState {
  const state = new ServerState(connection);
  const diagnostics = new DiagnosticsPublisher(connection, state, findRuleDocs());
  const schedule = (document: TextDocument, delay?: number): void => diagnostics.schedule(document, delay);
  /** Broker checks running per document URI: a newer check (or an edit) cancels the older one. */
  const brokerChecks = new Map<string, AbortController>();
  const views = registerEffectiveFeatures(connection, state);
  const featureCapabilities = { ...registerEditingFeatures(connection, state), ...registerStructureFeatures(connection, state), ...views.capabilities };

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const text = params.capabilities.textDocument;
    state.capabilities = {
      markdown: text?.hover?.contentFormat?.includes('markdown') ?? false,
      snippets: text?.completion?.completionItem?.snippetSupport ?? false,
      configuration: params.capabilities.workspace?.configuration ?? false,
      hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport ?? false,
      codeActionLiterals: text?.codeAction?.codeActionLiteralSupport !== undefined,
      completionMarkdown: text?.completion?.completionItem?.documentationFormat?.includes('markdown') ?? false,
      completionResolve: text?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') ?? false,
      completionEditRange: text?.completion?.completionList?.itemDefaults?.includes('editRange') ?? false,
      definitionLinks: text?.definition?.linkSupport ?? false,
      inlayHintRefresh: params.capabilities.workspace?.inlayHint?.refreshSupport ?? false,
      semanticTokensRefresh: params.capabilities.workspace?.semanticTokens?.refreshSupport ?? false,
      snippetEdits: params.capabilities.workspace?.workspaceEdit?.snippetEditSupport ?? false,
    };
    const init = params.initializationOptions as InitializationOptions | undefined;
    if (typeof init?.diagnosticsDelay === 'number' && init.diagnosticsDelay >= 0) {
      diagnostics.debounce = init.diagnosticsDelay;
    }
    state.trusted = init?.trusted === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    state.workspaceFolders = folders.map((uri) => uriToPath(uri)).filter((p): p is string => p !== undefined);
    state.warn = (message) => connection.console.warn(message);
    if (init?.settings) {
      state.userSettings = init.settings;
      settingsSource = 'initializationOptions.settings';
    }
    await detectVersion();
    state.settings = toAnalysisSettings(state.userSettings, state.detectedVersion);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...featureCapabilities,
      },
      serverInfo: { name: 'mosquitto-language-server', version },
    };
  });

  connection.onInitialized(() => {
    if (!state.capabilities.configuration) {
      connection.console.info(
        `Settings: from ${settingsSource} (the client does not answer workspace/configuration; workspace/didChangeConfiguration pushes replace them).`,
      );
    }
    if (state.capabilities.configuration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'mosquitto' });
      void refreshSettings();
    }
  });

  /** Where the settings in use came from, for the log. */
  let settingsSource = 'defaults (no settings given)';

  /**
   * `brokerVersion: auto`: ask the installed broker (`mosquitto -h`), only in trusted workspaces,
   * once per executable. The question runs asynchronously (up to its 2 s timeout): the server
   * keeps answering requests with the settings it has until the answer is in.
   */
  let detection: { readonly executable: string; readonly answer: Promise<Version | undefined> } | undefined;
  const detectVersion = async (): Promise<void> => {
    const executable = state.userSettings.brokerPath || 'mosquitto';
    const auto = !state.userSettings.brokerVersion || state.userSettings.brokerVersion === 'auto';
    if (!state.trusted || !auto) {
      state.detectedVersion = undefined;
      detection = undefined;
      return;
    }
    if (detection?.executable !== executable) {
      const answer = detectBrokerVersionAsync(executable);
      detection = { executable, answer };
      void answer.then((found) => {
        if (found) {
          connection.console.info(`Checking against the installed broker's version (${executable}).`);
        }
      });
    }
    const asked = detection;
    const found = await asked.answer;
    if (detection === asked) {
      state.detectedVersion = found; // a newer question (another executable) has the last word
    }
  };

  const refreshSettings = async (): Promise<void> => {
    if (state.capabilities.configuration) {
      try {
        const value = (await connection.workspace.getConfiguration({ section: 'mosquitto' })) as UserSettings | null;
        if (value) {
          state.userSettings = value; // a null answer keeps the settings given at initialize
          if (settingsSource !== 'workspace/configuration') {
            settingsSource = 'workspace/configuration';
            connection.console.info('Settings: from workspace/configuration.');
          }
        }
      } catch (error) {
        connection.console.error(`Reading settings failed: ${String(error)}`);
      }
    }
    await detectVersion();
    state.settings = toAnalysisSettings(state.userSettings, state.detectedVersion);
    state.epoch++;
    diagnostics.scheduleAll(0);
    views.settingsChanged();
  };

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as { mosquitto?: UserSettings } | undefined)?.mosquitto;
    if (!state.capabilities.configuration && settings) {
      state.userSettings = settings;
      settingsSource = 'workspace/didChangeConfiguration';
      connection.console.info('Settings: from a workspace/didChangeConfiguration push.');
    }
    void refreshSettings();
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
      state.configFiles.clear();
      state.epoch++;
      diagnostics.scheduleAll(0);
    }
  });

  /** Runs the installed broker on a document without blocking the server; a newer check cancels this one. */
  const runBrokerCheck = async (document: TextDocument, filePath: string): Promise<{ status: string; summary: string }> => {
    brokerChecks.get(document.uri)?.abort();
    const controller = new AbortController();
    brokerChecks.set(document.uri, controller);
    try {
      const check = await checkWithBroker(filePath, document.getText(), state.userSettings.brokerPath || 'mosquitto', controller.signal);
      if (controller.signal.aborted) {
        return { status: 'cancelled', summary: 'The check was cancelled (the document changed or a newer check started).' };
      }
      state.brokerFindings.set(document.uri, check.diagnostics);
      schedule(document, 0);
      return { status: check.status, summary: `${check.summary} (${BROKER_SOURCE})` };
    } finally {
      if (brokerChecks.get(document.uri) === controller) {
        brokerChecks.delete(document.uri);
      }
    }
  };

  connection.onRequest(COMPANION_LANGUAGE_REQUEST, (params: { uri: string }, token): string | null => {
    const result = state.runner.run<string | null>('Companion language', params.uri, null, token, () => companionLanguageOf(state, params.uri));
    return typeof result === 'string' ? result : null;
  });

  connection.onRequest('mosquitto/checkWithBroker', async (params: CheckWithBrokerParams, token): Promise<{ status: string; summary: string }> => {
    const document = state.documents.get(params.uri);
    const filePath = uriToPath(params.uri);
    if (!document || !filePath) {
      return { status: 'failed', summary: 'Open a saved mosquitto.conf file to check it with the broker.' };
    }
    if (!state.trusted) {
      return {
        status: 'failed',
        summary: 'Checking with the installed broker runs a program from your machine, so it is only available in trusted workspaces.',
      };
    }
    const cancelled = token.onCancellationRequested(() => brokerChecks.get(params.uri)?.abort());
    try {
      return await runBrokerCheck(document, filePath);
    } finally {
      cancelled.dispose();
    }
  });

  state.documents.onDidOpen((e) => {
    state.checkBom(e.document.uri);
    schedule(e.document, 0);
  });
  state.documents.onDidChangeContent((e) => {
    brokerChecks.get(e.document.uri)?.abort();
    state.brokerFindings.delete(e.document.uri);
    schedule(e.document);
    if (companionKindOf(e.document)) {
      // The configurations that name this file summarise its errors: analyse them again.
      state.epoch++;
      for (const other of state.documents.all().filter((d) => d.languageId === 'mosquitto-conf')) {
        schedule(other);
      }
    }
  });
  state.documents.onDidSave((e) => {
    state.lastEdits.delete(e.document.uri); // saved: the word is finished
    state.disk.clear();
    state.checkBom(e.document.uri);
    schedule(e.document, 0);
    if (state.trusted && state.userSettings.checkWithBrokerOnSave === true) {
      const filePath = uriToPath(e.document.uri);
      if (filePath) {
        void runBrokerCheck(e.document, filePath).catch((error: unknown) => state.runner.logError(`Broker check failed for ${e.document.uri}`, error));
      }
    }
  });
  state.documents.onDidClose((e) => {
    brokerChecks.get(e.document.uri)?.abort();
    state.forget(e.document.uri);
    diagnostics.closed(e.document.uri);
  });

  connection.onShutdown(() => {
    state.runner.shutDown();
    diagnostics.stop();
    for (const check of brokerChecks.values()) {
      check.abort();
    }
  });

  state.documents.listen(connection);
  connection.listen();
  return state;
}
