import type { CancellationToken, Connection, InitializeParams, InitializeResult, ResponseError } from 'vscode-languageserver/node';
import { DidChangeConfigurationNotification, ErrorCodes, LSPErrorCodes, ResponseError as RpcError, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import * as fs from 'node:fs';
import type { Analysis, AnalysisSettings, FileSystemAccess, Version } from './service';
import { analyze, parse } from './service';
import type { ParsedFile } from './service';
import type { CachedFileSystem } from './nodeFileSystem';
import { cachedFileSystem, nodeFileSystem } from './nodeFileSystem';
import type { UserSettings } from './settings';
import { toAnalysisSettings } from './settings';
import type { LoadedConfigFile } from './configFile';
import { CONFIG_FILE_NAME, findConfigFile, isIgnored, loadConfigFile, mergeSettings } from './configFile';
import { registerEditingFeatures } from './handlers/editing';
import { BROKER_SOURCE, checkWithBroker, detectBrokerVersion, withoutDuplicates } from './broker';
import type { Diagnostic } from 'vscode-languageserver/node';
import { registerStructureFeatures } from './handlers/structure';
import { findRuleDocs, linkRuleDocs } from './ruleDocs';
import { registerEffectiveFeatures } from './handlers/effective';

/** Client capabilities the features adapt to, read once at initialize. */
export interface ClientCapabilitiesSummary {
  markdown: boolean;
  snippets: boolean;
  configuration: boolean;
  hierarchicalSymbols: boolean;
  codeActionLiterals: boolean;
  /** Completion documentation may be markdown (separate from hover). */
  completionMarkdown: boolean;
  /** Definition requests may answer with LocationLinks. */
  definitionLinks: boolean;
  /** The client can be asked to re-request inlay hints (workspace/inlayHint/refresh). */
  inlayHintRefresh: boolean;
}

/** How long answers about files on disk are reused. */
const DISK_CACHE_MS = 3000;

/** Default delay between the last keystroke and validation (initializationOptions.diagnosticsDelay overrides it). */
const DEBOUNCE_MS = 150;

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

/** Set by the shutdown request: from then on requests fail and nothing is published (LSP). */
let shutDown = false;

/** Converts a document URI to a native path when it is a file URI. */
export function uriToPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** Converts an id used by the service (native path or URI) back to a URI. */
export function idToUri(id: string): string {
  return path.isAbsolute(id) ? URI.file(id).toString() : id;
}

/**
 * Runs a handler safely: cancellation is honoured, errors are logged with the URI and a
 * default result is returned instead of failing the request.
 */
export function runSafe<T>(connection: Connection, label: string, uri: string, fallback: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> {
  if (shutDown) {
    return new RpcError(ErrorCodes.InvalidRequest, 'The server is shutting down');
  }
  if (token?.isCancellationRequested) {
    return new RpcError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  }
  try {
    return work();
  } catch (error) {
    connection.console.error(`${label} failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

/** Shared state of the running server; features read analyses from here. */
export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  capabilities: ClientCapabilitiesSummary = { markdown: false, snippets: false, configuration: false, hierarchicalSymbols: false, codeActionLiterals: false, completionMarkdown: false, definitionLinks: false, inlayHintRefresh: false };
  userSettings: UserSettings = {};
  detectedVersion: Version | undefined;
  settings: AnalysisSettings = toAnalysisSettings(undefined);
  /** May the server run the installed broker (trusted workspace)? */
  trusted = false;
  /** Findings of the last broker check per document URI, per file id; cleared on edit. */
  readonly brokerFindings = new Map<string, Map<string, Diagnostic[]>>();
  private readonly parsed = new Map<string, { version: number; file: ParsedFile }>();
  private readonly analyses = new Map<string, { version: number; epoch: number; analysis: Analysis }>();
  /** Analyses of main files read from disk (not open), keyed by path; checked against mtime. */
  private readonly diskAnalyses = new Map<string, { mtimeMs: number; epoch: number; open: string; analysis: Analysis }>();
  /**
   * Files that start with a UTF-8 byte order mark on disk. Editors hide the mark from the
   * text, but the broker reads it; it is looked up on open and save, never per keystroke.
   */
  readonly bomOnDisk = new Set<string>();
  /** Bumped when settings change, so cached analyses are recomputed. */
  epoch = 0;
  /** The `.mosquitto-lint.json` that applies to each folder (null: none); cleared when one changes. */
  readonly configFiles = new Map<string, LoadedConfigFile | null>();
  /** Reports problems in configuration files (set by the server). */
  warn: (message: string) => void = () => undefined;

  /** The configuration file that applies to a file path, read once per folder. */
  configFileFor(filePath: string | undefined): LoadedConfigFile | undefined {
    if (!filePath) {
      return undefined;
    }
    const folder = path.dirname(filePath);
    let config = this.configFiles.get(folder);
    if (config === undefined) {
      config = null;
      const found = findConfigFile(folder);
      if (found) {
        try {
          config = loadConfigFile(found);
          if (config.problems.length > 0) {
            this.warn(`${found}: ${config.problems.join('; ')} (the other keys apply)`);
          }
        } catch (error) {
          this.warn(`${CONFIG_FILE_NAME} not used: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      this.configFiles.set(folder, config);
    }
    return config ?? undefined;
  }

  /** Settings for a file: the editor's settings over its `.mosquitto-lint.json`, if any. */
  settingsFor(filePath: string | undefined): AnalysisSettings {
    const config = this.configFileFor(filePath);
    return config ? toAnalysisSettings(mergeSettings(config.settings, this.userSettings), this.detectedVersion) : this.settings;
  }

  /** Is the file named by its configuration file's `ignore` patterns? */
  ignored(uri: string): boolean {
    const filePath = uriToPath(uri);
    return filePath !== undefined && isIgnored(this.configFileFor(filePath), filePath);
  }

  /** The parse of an open document, computed once per document version. */
  parsedFile(document: TextDocument): ParsedFile {
    const cached = this.parsed.get(document.uri);
    if (cached && cached.version === document.version) {
      return cached.file;
    }
    let file = parse(document.getText(), uriToPath(document.uri) ?? document.uri, cached?.file);
    if (!file.hasBom && this.bomOnDisk.has(document.uri)) {
      file = { ...file, hasBom: true };
    }
    this.parsed.set(document.uri, { version: document.version, file });
    return file;
  }

  /** The analysis of an open document, computed once per document version and settings epoch. */
  analysis(document: TextDocument): Analysis {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.epoch === this.epoch) {
      return cached.analysis;
    }
    const filePath = uriToPath(document.uri);
    const analysis = analyze({ text: document.getText(), uri: filePath ?? document.uri, path: filePath }, this.settingsFor(filePath), this.fileSystem(), this.parsedFile(document));
    this.analyses.set(document.uri, { version: document.version, epoch: this.epoch, analysis });
    return analysis;
  }

  /** Analysis of the main configuration that includes this document, when there is one. */
  includingAnalysis(document: TextDocument): { analysis: Analysis; mainUri: string } | undefined {
    const filePath = uriToPath(document.uri);
    if (!filePath) {
      return undefined;
    }
    for (const other of this.documents.all()) {
      if (other.uri === document.uri) {
        continue;
      }
      const analysis = this.analysis(other);
      if (analysis.model.includedBy.has(filePath)) {
        return { analysis, mainUri: other.uri };
      }
    }
    // Not included by an open file: look for the usual layout, mosquitto.conf next to conf.d/.
    for (const candidate of [path.join(path.dirname(filePath), '..', 'mosquitto.conf'), path.join(path.dirname(filePath), 'mosquitto.conf')]) {
      if (candidate === filePath || this.disk.stat(candidate)?.kind !== 'file') {
        continue;
      }
      const analysis = this.diskAnalysis(candidate);
      if (analysis?.model.includedBy.has(filePath)) {
        return { analysis, mainUri: URI.file(candidate).toString() };
      }
    }
    return undefined;
  }

  /** Analysis of a main file that is not open, reused while the file and settings are unchanged. */
  private diskAnalysis(filePath: string): Analysis | undefined {
    const mtimeMs = this.disk.mtime(filePath);
    if (mtimeMs === undefined) {
      return undefined;
    }
    // Included files may be open with unsaved edits: the open documents' versions are part of the key.
    const open = this.documents.all().map((d) => `${d.uri}@${d.version}`).join('|');
    const cached = this.diskAnalyses.get(filePath);
    if (cached && cached.mtimeMs === mtimeMs && cached.epoch === this.epoch && cached.open === open) {
      return cached.analysis;
    }
    const text = this.fileSystem().readFile(filePath);
    if (text === undefined) {
      return undefined;
    }
    const analysis = analyze({ text, uri: filePath, path: filePath }, this.settingsFor(filePath), this.fileSystem());
    this.diskAnalyses.set(filePath, { mtimeMs, epoch: this.epoch, open, analysis });
    return analysis;
  }

  /** Re-reads whether the file on disk starts with a byte order mark. */
  checkBom(uri: string): void {
    const filePath = uriToPath(uri);
    let bom = false;
    if (filePath) {
      try {
        const fd = fs.openSync(filePath, 'r');
        try {
          const head = Buffer.alloc(3);
          bom = fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        bom = false;
      }
    }
    const had = this.bomOnDisk.has(uri);
    if (bom) {
      this.bomOnDisk.add(uri);
    } else {
      this.bomOnDisk.delete(uri);
    }
    if (had !== bom) {
      this.parsed.delete(uri);
      this.analyses.delete(uri);
    }
  }

  forget(uri: string): void {
    this.bomOnDisk.delete(uri);
    this.parsed.delete(uri);
    this.analyses.delete(uri);
  }

  /**
   * Files on disk as the analyses see them: answers are kept for a few seconds, so typing does
   * not stat certificates and read include_dir folders on every keystroke; cleared on save.
   */
  readonly disk: CachedFileSystem = cachedFileSystem(nodeFileSystem(), DISK_CACHE_MS);

  /** The disk, overlaid with the unsaved text of open documents. */
  fileSystem(): FileSystemAccess {
    return {
      hostPlatform: this.disk.hostPlatform,
      stat: (p) => this.disk.stat(p),
      readDirectory: (p) => this.disk.readDirectory(p),
      readFile: (p) => this.documents.get(URI.file(p).toString())?.getText() ?? this.disk.readFile(p),
      // Certificates and keys are opened only in trusted workspaces: an untrusted folder's
      // configuration could point the server at any file on this machine.
      ...(this.trusted && this.disk.tls ? { tls: this.disk.tls } : {}),
    };
  }

}

/** Wires the protocol to the language service. */
export function startServer(connection: Connection, version: string): ServerState {
  const state = new ServerState();
  const timers = new Map<string, NodeJS.Timeout>();
  /** URIs we published diagnostics for on behalf of each analysed document. */
  const publishedFor = new Map<string, Set<string>>();
  let debounce = DEBOUNCE_MS;
  const ruleDocs = findRuleDocs();
  const views = registerEffectiveFeatures(connection, state);
  const featureCapabilities = { ...registerEditingFeatures(connection, state), ...registerStructureFeatures(connection, state), ...views.capabilities };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const text = params.capabilities.textDocument;
    state.capabilities = {
      markdown: text?.hover?.contentFormat?.includes('markdown') ?? false,
      snippets: text?.completion?.completionItem?.snippetSupport ?? false,
      configuration: params.capabilities.workspace?.configuration ?? false,
      hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport ?? false,
      codeActionLiterals: text?.codeAction?.codeActionLiteralSupport !== undefined,
      completionMarkdown: text?.completion?.completionItem?.documentationFormat?.includes('markdown') ?? false,
      definitionLinks: text?.definition?.linkSupport ?? false,
      inlayHintRefresh: params.capabilities.workspace?.inlayHint?.refreshSupport ?? false,
    };
    const init = params.initializationOptions as InitializationOptions | undefined;
    if (typeof init?.diagnosticsDelay === 'number' && init.diagnosticsDelay >= 0) {
      debounce = init.diagnosticsDelay;
    }
    state.trusted = init?.trusted === true;
    state.warn = (message) => connection.console.warn(message);
    if (init?.settings) {
      state.userSettings = init.settings;
      settingsSource = 'initializationOptions.settings';
    }
    detectVersion();
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
      connection.console.info(`Settings: from ${settingsSource} (the client does not answer workspace/configuration; workspace/didChangeConfiguration pushes replace them).`);
    }
    if (state.capabilities.configuration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'mosquitto' });
      void refreshSettings();
    }
  });

  /** Where the settings in use came from, for the log. */
  let settingsSource = 'defaults (no settings given)';

  /** `brokerVersion: auto`: ask the installed broker, only in trusted workspaces. */
  let detectedFor: string | undefined;
  const detectVersion = (): void => {
    const executable = state.userSettings.brokerPath || 'mosquitto';
    const auto = !state.userSettings.brokerVersion || state.userSettings.brokerVersion === 'auto';
    if (!state.trusted || !auto) {
      state.detectedVersion = undefined;
      detectedFor = undefined;
      return;
    }
    if (detectedFor !== executable) {
      detectedFor = executable;
      state.detectedVersion = detectBrokerVersion(executable);
      if (state.detectedVersion) {
        connection.console.info(`Checking against the installed broker's version (${executable}).`);
      }
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
    detectVersion();
    state.settings = toAnalysisSettings(state.userSettings, state.detectedVersion);
    state.epoch++;
    for (const document of state.documents.all()) {
      schedule(document, 0);
    }
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
      for (const document of state.documents.all()) {
        schedule(document, 0);
      }
    }
  });

  const publish = (document: TextDocument): void => {
    const uri = document.uri;
    const version = document.version;
    const current = state.documents.get(uri);
    if (!current || current.version !== version) {
      return; // a newer edit will publish
    }
    if (state.ignored(uri)) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return; // named by the 'ignore' list of its .mosquitto-lint.json
    }
    const including = state.includingAnalysis(document);
    const analysis = including?.analysis ?? state.analysis(document);
    const ownId = uriToPath(uri) ?? uri;
    const sent = new Set<string>();
    const brokerFindings = state.brokerFindings.get(including?.mainUri ?? uri);
    for (const [id, ours] of analysis.diagnostics) {
      const target = idToUri(id);
      const fromBroker = brokerFindings?.get(id) ?? [];
      const diagnostics = linkRuleDocs(fromBroker.length > 0 ? [...ours, ...withoutDuplicates(fromBroker, ours)] : ours, ruleDocs);
      if (including && id !== ownId) {
        continue; // the main file publishes for itself and its other included files
      }
      void connection.sendDiagnostics({ uri: target, version: target === uri ? version : undefined, diagnostics });
      sent.add(target);
    }
    if (!sent.has(uri)) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      sent.add(uri);
    }
    for (const stale of publishedFor.get(uri) ?? []) {
      if (!sent.has(stale) && !state.documents.get(stale)) {
        void connection.sendDiagnostics({ uri: stale, diagnostics: [] });
      }
    }
    publishedFor.set(uri, sent);
  };

  const schedule = (document: TextDocument, delay = DEBOUNCE_MS): void => {
    if (shutDown) {
      return;
    }
    const uri = document.uri;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      try {
        publish(document);
      } catch (error) {
        connection.console.error(`Validation failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }, delay));
  };

  connection.onRequest('mosquitto/checkWithBroker', (params: CheckWithBrokerParams): { status: string; summary: string } => {
    const document = state.documents.get(params.uri);
    const filePath = uriToPath(params.uri);
    if (!document || !filePath) {
      return { status: 'failed', summary: 'Open a saved mosquitto.conf file to check it with the broker.' };
    }
    if (!state.trusted) {
      return { status: 'failed', summary: 'Checking with the installed broker runs a program from your machine, so it is only available in trusted workspaces.' };
    }
    const check = checkWithBroker(filePath, document.getText(), state.userSettings.brokerPath || 'mosquitto');
    state.brokerFindings.set(params.uri, check.diagnostics);
    schedule(document, 0);
    return { status: check.status, summary: `${check.summary} (${BROKER_SOURCE})` };
  });

  state.documents.onDidOpen((e) => {
    state.checkBom(e.document.uri);
    schedule(e.document, 0);
  });
  state.documents.onDidChangeContent((e) => {
    state.brokerFindings.delete(e.document.uri);
    schedule(e.document, debounce);
  });
  state.documents.onDidSave((e) => {
    state.disk.clear();
    state.checkBom(e.document.uri);
    schedule(e.document, 0);
    if (state.trusted && state.userSettings.checkWithBrokerOnSave === true) {
      const filePath = uriToPath(e.document.uri);
      if (filePath) {
        state.brokerFindings.set(e.document.uri, checkWithBroker(filePath, e.document.getText(), state.userSettings.brokerPath || 'mosquitto').diagnostics);
        schedule(e.document, 0);
      }
    }
  });
  state.documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    state.forget(e.document.uri);
    for (const uri of publishedFor.get(e.document.uri) ?? [e.document.uri]) {
      if (uri === e.document.uri || !state.documents.get(uri)) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    publishedFor.delete(e.document.uri);
  });

  connection.onShutdown(() => {
    shutDown = true;
    for (const timer of timers.values()) {
      clearTimeout(timer);
    }
    timers.clear();
  });

  state.documents.listen(connection);
  connection.listen();
  return state;
}
