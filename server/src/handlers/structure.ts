import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerState } from '../server';

/** Outline, folding, links, go to definition and formatting. Returns the capabilities it provides. */
export function registerStructureFeatures(_connection: Connection, _state: ServerState): ServerCapabilities {
  return {};
}
