import { ANALYSIS_TARGET_NOTIFICATION } from './protocol';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { withoutDuplicates } from './broker';
import { COMPANION_FILES_NOTIFICATION, companionDiagnostics, companionFilesOf, companionKindOf } from './handlers/companion';
import { linkRuleDocs } from './ruleDocs';
import { withoutWordBeingTyped } from './service';
import type { ServerState } from './state';
import { idToUri, uriToPath } from './uris';

/** Default delay between the last keystroke and validation (initializationOptions.diagnosticsDelay overrides it). */
export const DEBOUNCE_MS = 150;

/**
 * Publishes diagnostics: debounced per document, for the document and the files its analysis
 * covers (a main file publishes for its included files), clearing what a previous analysis
 * published and no longer holds.
 */
export class DiagnosticsPublisher {
  /** Milliseconds between the last edit and validation. */
  debounce = DEBOUNCE_MS;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** URIs published for on behalf of each analysed document. */
  private readonly publishedFor = new Map<string, Set<string>>();
  /** The last `mosquitto/analysisTarget` sent per document, so it is only sent when it changes. */
  private readonly sentTargets = new Map<string, string>();
  /** The last `mosquitto/companionFiles` sent per document, so it is only sent when it changes. */
  private readonly sentCompanionFiles = new Map<string, string>();
  /**
   * The diagnostics last published without a version (for files other than the analysed
   * document: included and companion files), as JSON: an edit that leaves them as they were
   * sends nothing for them.
   */
  private readonly sentUnversioned = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly state: ServerState,
    private readonly ruleDocs: string | undefined,
  ) {}

  /** Validates and publishes `document` after `delay` (the debounce unless given). */
  schedule(document: TextDocument, delay = this.debounce): void {
    if (this.state.runner.isShutDown) {
      return;
    }
    const uri = document.uri;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        try {
          this.publish(document);
        } catch (error) {
          this.state.runner.logError(`Validation failed for ${uri}`, error);
        }
      }, delay),
    );
  }

  /** Schedules every open document (settings changed). */
  scheduleAll(delay = 0): void {
    for (const document of this.state.documents.all()) {
      this.schedule(document, delay);
    }
  }

  /** Publishes one document now; an included file also refreshes the open main file that includes it. */
  publish(document: TextDocument): void {
    const mainUri = this.publishOne(document);
    const main = mainUri !== undefined && mainUri !== document.uri ? this.state.documents.get(mainUri) : undefined;
    if (main) {
      // The main file's own lines (its include_dir summary) depend on the included file.
      this.publishOne(main);
    }
  }

  /** Publishes one document; returns the URI of the main file whose analysis it used, if any. */
  private publishOne(document: TextDocument): string | undefined {
    const { connection, state } = this;
    const uri = document.uri;
    const version = document.version;
    const current = state.documents.get(uri);
    if (!current || current.version !== version) {
      return undefined; // a newer edit will publish
    }
    if (state.ignored(uri)) {
      this.send(uri, version, []);
      return undefined; // named by the 'ignore' list of its .mosquitto-lint.json
    }
    const companion = companionKindOf(document);
    if (companion) {
      this.send(uri, version, linkRuleDocs(companionDiagnostics(state, document, companion), this.ruleDocs));
      this.publishedFor.set(uri, new Set([uri]));
      return undefined;
    }
    const including = state.includingAnalysis(document);
    const analysis = including?.analysis ?? state.analysis(document);
    this.sendTarget(document);
    const ownId = uriToPath(uri) ?? uri;
    const sent = new Set<string>();
    const brokerFindings = state.brokerFindings.get(including?.mainUri ?? uri);
    for (const [id, ours] of analysis.diagnostics) {
      const target = idToUri(id);
      if (including && id !== ownId) {
        continue; // the main file publishes for itself and its other included files
      }
      const open = target !== uri ? state.documents.get(target) : undefined;
      if (open && companionKindOf(open)) {
        continue; // an open companion file publishes for itself
      }
      const fromBroker = brokerFindings?.get(id) ?? [];
      const shown = target === uri ? withoutWordBeingTyped(ours, state.lastEdits.get(uri)) : ours;
      const diagnostics = linkRuleDocs(fromBroker.length > 0 ? [...shown, ...withoutDuplicates(fromBroker, shown)] : shown, this.ruleDocs);
      this.send(target, target === uri ? version : undefined, diagnostics);
      sent.add(target);
    }
    if (!sent.has(uri)) {
      this.send(uri, version, []);
      sent.add(uri);
    }
    for (const stale of this.publishedFor.get(uri) ?? []) {
      if (!sent.has(stale) && !state.documents.get(stale)) {
        this.send(stale, undefined, []);
      }
    }
    this.publishedFor.set(uri, sent);
    if (!including) {
      const files = companionFilesOf(state, analysis);
      const key = JSON.stringify(files);
      if (files.length > 0 && this.sentCompanionFiles.get(uri) !== key) {
        void connection.sendNotification(COMPANION_FILES_NOTIFICATION, { files });
      }
      this.sentCompanionFiles.set(uri, key);
    }
    return including?.mainUri;
  }

  /**
   * Publishes diagnostics for a URI. With a version (the document analysed) always; without
   * one, only when they differ from what was last published for that URI.
   */
  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    if (version === undefined) {
      const key = JSON.stringify(diagnostics);
      if (this.sentUnversioned.get(uri) === key) {
        return;
      }
      this.sentUnversioned.set(uri, key);
    } else {
      this.sentUnversioned.delete(uri);
    }
    void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  /** `mosquitto/analysisTarget` for a document, when it changed since the last one sent. */
  private sendTarget(document: TextDocument): void {
    const target = this.state.targetNotification(document);
    const key = JSON.stringify(target);
    if (this.sentTargets.get(document.uri) !== key) {
      this.sentTargets.set(document.uri, key);
      void this.connection.sendNotification(ANALYSIS_TARGET_NOTIFICATION, target);
    }
  }

  /** A document closed: stop its timer and clear what was published for it. */
  closed(uri: string): void {
    this.sentTargets.delete(uri);
    this.sentCompanionFiles.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    for (const target of this.publishedFor.get(uri) ?? [uri]) {
      if (target === uri || !this.state.documents.get(target)) {
        this.send(target, undefined, []);
      }
    }
    this.publishedFor.delete(uri);
  }

  /** Shutdown: nothing more is published. */
  stop(): void {
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }
}
