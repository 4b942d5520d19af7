/**
 * Server side of the companion files (ACL, password, PSK): which open document is one, in
 * the context of which configuration, its diagnostics, and the language notifications that
 * let the client switch an open document to the right language.
 */
import * as path from 'node:path';
import type { Connection, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { nodePasswordHasher } from '../passwordHasher';
import type { Analysis, CompanionKind } from '../service';
import {
  COMPANION_LANGUAGE_IDS,
  companionContextFor,
  companionKindOfLanguage,
  companionReferences,
  DIAGNOSTIC_SOURCE,
  hashPlaintextEdits,
  validateCompanion,
} from '../service';
import type { ServerState } from '../state';
import { idToUri, uriToPath } from '../uris';

/** Notification to the client: these files are companion files of an open configuration. */
export const COMPANION_FILES_NOTIFICATION = 'mosquitto/companionFiles';
/** Request from the client: `{ uri }` → the language id a configuration gives that file, or null. */
export const COMPANION_LANGUAGE_REQUEST = 'mosquitto/companionLanguage';

/** One file an open configuration names, and its language. */
export interface CompanionFile {
  readonly uri: string;
  readonly languageId: string;
}

/** The companion kind of an open document (by its language), if it is one. */
export function companionKindOf(document: TextDocument): CompanionKind | undefined {
  return companionKindOfLanguage(document.languageId);
}

/** The configurations that could name `filePath`: open ones, then mosquitto.conf next to it or one folder up. */
function owningContext(state: ServerState, filePath: string): { kind: CompanionKind; passwordUsers?: ReadonlySet<string> } | undefined {
  const fs = state.fileSystem();
  const fromAnalysis = (analysis: Analysis | undefined): ReturnType<typeof companionContextFor> =>
    analysis ? companionContextFor(analysis.model, analysis.model.settings, fs, filePath) : undefined;
  for (const other of state.documents.all()) {
    if (other.languageId !== 'mosquitto-conf') {
      continue;
    }
    const found = fromAnalysis(state.analysis(other));
    if (found) {
      return found;
    }
  }
  for (const candidate of [path.join(path.dirname(filePath), 'mosquitto.conf'), path.join(path.dirname(filePath), '..', 'mosquitto.conf')]) {
    if (state.disk.stat(candidate)?.kind === 'file') {
      const found = fromAnalysis(state.diskAnalysisOf(path.normalize(candidate)));
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/** Diagnostics of an open companion document, with the context of the configuration that names it. */
export function companionDiagnostics(state: ServerState, document: TextDocument, kind: CompanionKind): Diagnostic[] {
  const filePath = uriToPath(document.uri);
  const context = filePath ? owningContext(state, filePath) : undefined;
  return validateCompanion(kind, document.getText(), state.settingsFor(filePath), { passwordUsers: context?.passwordUsers }, DIAGNOSTIC_SOURCE);
}

/** The companion files a configuration names that exist here, as URIs with their language. */
export function companionFilesOf(state: ServerState, analysis: Analysis): CompanionFile[] {
  const fs = state.fileSystem();
  return companionReferences(analysis.model, analysis.model.settings, fs)
    .filter((r) => r.resolved !== undefined && fs.stat(r.resolved)?.kind === 'file')
    .map((r) => ({ uri: idToUri(r.resolved ?? ''), languageId: COMPANION_LANGUAGE_IDS[r.kind] }));
}

/** The language a configuration (open, or mosquitto.conf next to the file or one folder up) gives a file. */
export function companionLanguageOf(state: ServerState, uri: string): string | null {
  const filePath = uriToPath(uri);
  if (!filePath) {
    return null;
  }
  const context = owningContext(state, filePath);
  return context ? COMPANION_LANGUAGE_IDS[context.kind] : null;
}

/** Hashes the plaintext passwords of an open password file and applies the edit. Never logs a password. */
export async function hashPlaintextPasswords(connection: Connection, state: ServerState, uri: string): Promise<number> {
  const document = state.documents.get(uri);
  if (!document || companionKindOf(document) !== 'passwd') {
    return 0;
  }
  const edits: TextEdit[] = hashPlaintextEdits(document.getText(), state.settingsFor(uriToPath(uri)).brokerVersion, nodePasswordHasher);
  if (edits.length === 0) {
    return 0;
  }
  const result = await connection.workspace.applyEdit({
    label: 'Hash plaintext passwords',
    documentChanges: [{ textDocument: { uri, version: document.version }, edits }],
  });
  if (!result.applied) {
    connection.console.warn(`Hashing the passwords of ${URI.parse(uri).fsPath} was not applied${result.failureReason ? `: ${result.failureReason}` : ''}.`);
    return 0;
  }
  return edits.length;
}
