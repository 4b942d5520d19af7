import type { Diagnostic } from 'vscode-languageserver-types';
import type { CompanionKind } from '../../server/src/service';
import { validateCompanion } from '../../server/src/service';
import { settings, severityWord } from './helpers';

/** Diagnostics of a companion file for a release. */
export function lintCompanion(kind: CompanionKind, text: string, version = '2.1.2'): Diagnostic[] {
  return validateCompanion(kind, text, settings(version));
}

/** `line:severity` (1-based) of one rule's diagnostics in a companion file. */
export function companionFindings(kind: CompanionKind, text: string, code: string, version = '2.1.2'): string[] {
  return lintCompanion(kind, text, version)
    .filter((d) => d.code === code)
    .map((d) => `${d.range.start.line + 1}:${severityWord(d.severity)}`);
}

/** A valid `$7$` field with a 12-byte salt (accepted by 2.0 and 2.1). */
export const HASH = `$7$101$${Buffer.alloc(12, 1).toString('base64')}$${Buffer.alloc(64, 2).toString('base64')}`;
