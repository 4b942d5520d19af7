import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { DocumentCache } from './documentCache';
import { Runner } from './runner';

/** Client capabilities the features adapt to, read once at initialize. */
export interface ClientCapabilitiesSummary {
  markdown: boolean;
  snippets: boolean;
  configuration: boolean;
  hierarchicalSymbols: boolean;
  codeActionLiterals: boolean;
  /** Completion documentation may be markdown (separate from hover). */
  completionMarkdown: boolean;
  /** The client resolves a completion item's documentation lazily (completionItem/resolve). */
  completionResolve: boolean;
  /** The client takes a default edit range for a completion list (LSP 3.17 itemDefaults). */
  completionEditRange: boolean;
  /** Definition requests may answer with LocationLinks. */
  definitionLinks: boolean;
  /** The client can be asked to re-request inlay hints (workspace/inlayHint/refresh). */
  inlayHintRefresh: boolean;
  /** WorkspaceEdits may hold snippet edits (LSP 3.18). */
  snippetEdits: boolean;
  /** The client can be asked to re-request semantic tokens (workspace/semanticTokens/refresh). */
  semanticTokensRefresh: boolean;
}

/** Everything one running server knows; handlers get it, never module-level state. */
export class ServerState extends DocumentCache {
  capabilities: ClientCapabilitiesSummary = {
    markdown: false,
    snippets: false,
    configuration: false,
    hierarchicalSymbols: false,
    codeActionLiterals: false,
    completionMarkdown: false,
    completionResolve: false,
    completionEditRange: false,
    definitionLinks: false,
    inlayHintRefresh: false,
    snippetEdits: false,
    semanticTokensRefresh: false,
  };
  /** Findings of the last broker check per document URI, per file id; cleared on edit. */
  readonly brokerFindings = new Map<string, Map<string, Diagnostic[]>>();
  /** Runs handlers; knows whether the server is shutting down. */
  readonly runner: Runner;

  constructor(connection: Connection) {
    super();
    this.runner = new Runner(connection);
  }
}
