import type {
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Connection,
  Hover,
  Position,
  ServerCapabilities,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { CodeActionKind, Command as Commands } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND, INSERT_WSS_LISTENER_KIND } from '../service/features/codeActions';
import { complete, COMPLETION_TRIGGER_CHARACTERS, resolveCompletion } from '../service/features/completion';
import { hover } from '../service/features/hover';
import { fileOf } from '../service/model/lineContext';
import type { SnippetInsertion } from '../service/features/snippets';
import { wssListenerInsertion } from '../service/features/snippets';
import type { ServerState } from '../state';
import { uriToPath } from '../uris';
import { companionCodeActions, companionCompletion, companionHover, HASH_PLAINTEXT_COMMAND } from '../service';
import { companionKindOf, hashPlaintextPasswords } from './companion';

/** Server command: applies a WorkspaceEdit (code actions for clients without CodeAction literals). */
export const APPLY_EDIT_COMMAND = 'mosquitto.server.applyEdit';
/**
 * Server command: `[uri, position?]` → `{ position, snippet, text }`, where to insert the
 * secure WebSocket listener and what. The client's `mosquitto.insertWssListener` uses it.
 */
export const WSS_LISTENER_SNIPPET_COMMAND = 'mosquitto.server.wssListenerSnippet';

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

/** Completion, hover, code actions and commands. Returns the capabilities it provides. */
export function registerEditingFeatures(connection: Connection, state: ServerState): ServerCapabilities {
  connection.onCompletion((params, token) => {
    const uri = params.textDocument.uri;
    return state.runner.run<CompletionList | null>('Completion', uri, null, token, () => {
      const document = state.documents.get(uri);
      if (!document) {
        return null;
      }
      const companion = companionKindOf(document);
      if (companion) {
        return { isIncomplete: false, items: companionCompletion(companion, document.getText(), params.position) };
      }
      const { analysis, fileId } = state.featureAnalysis(document);
      return complete(
        analysis,
        fileId,
        params.position,
        {
          ...state.capabilities,
          markdown: state.capabilities.completionMarkdown,
          resolvesDocumentation: state.capabilities.completionResolve,
          editRangeDefault: state.capabilities.completionEditRange,
        },
        { documentPath: uriToPath(uri), fs: state.fileSystem(), triggerCharacter: params.context?.triggerCharacter },
      );
    });
  });

  // Documentation left out of the list for clients that resolve it (completionResolve).
  connection.onCompletionResolve((item, token) =>
    state.runner.run<CompletionItem>('Completion resolve', String(item.label), item, token, () =>
      resolveCompletion(item, { markdown: state.capabilities.completionMarkdown }),
    ),
  );

  connection.onHover((params, token) => {
    const uri = params.textDocument.uri;
    return state.runner.run<Hover | null>('Hover', uri, null, token, () => {
      const document = state.documents.get(uri);
      if (!document) {
        return null;
      }
      const companion = companionKindOf(document);
      if (companion) {
        return companionHover(companion, document.getText(), params.position, state.capabilities.markdown);
      }
      const { analysis, fileId } = state.featureAnalysis(document);
      const found = hover(analysis, fileId, params.position, state.capabilities, state.fileSystem());
      return params.position.line === 0 ? withTarget(found, state, document) : found;
    });
  });

  connection.onCodeAction((params, token) => {
    const uri = params.textDocument.uri;
    return state.runner.run<(CodeAction | Command)[]>('Code actions', uri, [], token, () => {
      const document = state.documents.get(uri);
      if (!document) {
        return [];
      }
      const companion = companionKindOf(document);
      let actions: CodeAction[];
      if (companion) {
        actions = companionCodeActions(companion, document.getText(), uri, params.range, params.context.diagnostics);
      } else {
        const { analysis, fileId } = state.featureAnalysis(document);
        actions = codeActions(
          analysis,
          {
            uri,
            fileId,
            range: params.range,
            diagnostics: params.context.diagnostics,
            only: params.context.only,
            triggerKind: params.context.triggerKind,
          },
          { fs: state.fileSystem(), snippetEdits: state.capabilities.snippetEdits },
        );
      }
      if (state.capabilities.codeActionLiterals) {
        return actions;
      }
      // Clients without CodeAction literals get commands that ask the server to apply the edit.
      return actions.flatMap((a) => (a.edit !== undefined ? [Commands.create(a.title, APPLY_EDIT_COMMAND, a.edit)] : a.command ? [a.command] : []));
    });
  });

  connection.onExecuteCommand((params, token) => {
    const args = params.arguments ?? [];
    const uri = typeof args[0] === 'string' ? args[0] : '(no document)';
    return state.runner.run<SnippetInsertion | Promise<number> | null>(`Command ${params.command}`, uri, null, token, () => {
      if (params.command === APPLY_EDIT_COMMAND) {
        const edit = args[0] as WorkspaceEdit | undefined;
        if (edit) {
          connection.workspace.applyEdit(edit).catch((error: unknown) => connection.console.error(`Applying an edit failed: ${String(error)}`));
        }
        return null;
      }
      if (params.command === HASH_PLAINTEXT_COMMAND) {
        // Answered once the client has applied the edit; the count of hashed lines, never a password.
        return hashPlaintextPasswords(connection, state, uri).catch((error: unknown) => {
          connection.console.error(`Hashing passwords failed: ${error instanceof Error ? error.message : 'unknown error'}`);
          return 0;
        });
      }
      if (params.command === WSS_LISTENER_SNIPPET_COMMAND) {
        const document = state.documents.get(uri);
        if (!document) {
          return null;
        }
        const { analysis, fileId } = state.featureAnalysis(document);
        return wssListenerInsertion(analysis.model, fileOf(analysis.model, fileId), isPosition(args[1]) ? args[1].line : undefined);
      }
      connection.console.warn(`Unknown command ${params.command}`);
      return null;
    });
  });

  return {
    completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS], resolveProvider: true },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source, INSERT_WSS_LISTENER_KIND, FIX_ALL_KIND] },
    executeCommandProvider: { commands: [APPLY_EDIT_COMMAND, WSS_LISTENER_SNIPPET_COMMAND, HASH_PLAINTEXT_COMMAND] },
  };
}

/**
 * The first line's hover also says what the file is checked against and why (the
 * `mosquitto/analysisTarget` summary and its path mappings), for clients without a status item.
 */
function withTarget(found: Hover | null, state: ServerState, document: TextDocument): Hover {
  const target = state.targetNotification(document);
  const mappings = target.pathMappings.map(
    (m) => `${m.brokerPath} → ${m.localPath ?? (m.volume !== undefined ? `volume '${m.volume}'` : 'anonymous volume')} (${m.origin})`,
  );
  const text = `${target.summary}${mappings.length > 0 ? ` Path mappings: ${mappings.join('; ')}.` : ''}`;
  const markdown = state.capabilities.markdown;
  if (!found) {
    return {
      contents: { kind: markdown ? 'markdown' : 'plaintext', value: text },
      range: {
        start: { line: 0, character: 0 },
        end: { line: 0, character: document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '').length },
      },
    };
  }
  const contents = found.contents;
  const value = typeof contents === 'object' && 'kind' in contents ? contents.value : '';
  return { ...found, contents: { kind: markdown ? 'markdown' : 'plaintext', value: `${value}${markdown ? '\n\n---\n\n' : '\n\n'}${text}` } };
}
