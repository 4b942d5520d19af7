import * as path from 'node:path';
import { URI } from 'vscode-uri';

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

/** The URI of a native path. */
export function pathToUri(filePath: string): string {
  return URI.file(filePath).toString();
}
