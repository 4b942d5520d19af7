import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerState } from '../server';

/** Completion, hover, code actions and commands. Returns the capabilities it provides. */
export function registerEditingFeatures(_connection: Connection, _state: ServerState): ServerCapabilities {
  return {};
}
