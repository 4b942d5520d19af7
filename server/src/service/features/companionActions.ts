/**
 * Code actions for companion files: each diagnostic's quick fixes come from its rule (looked up
 * by id; the fix reads the rule's typed payload back), plus "Hash plaintext passwords" in
 * password files.
 */
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { CompanionKind } from '../companion/findings';
import { plaintextLines } from '../companion/passwd/hashing';
import { companionRuleById } from '../engine/companion';

/** Server command `[uri]`: hashes every plaintext password of a password file in place. */
export const HASH_PLAINTEXT_COMMAND = 'mosquitto.server.hashPlaintextPasswords';

/** Quick fixes of the diagnostics' rules, and "Hash plaintext passwords". */
export function companionCodeActions(kind: CompanionKind, text: string, uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const rule = typeof d.code === 'string' ? companionRuleById(d.code) : undefined;
    for (const fix of rule?.fix?.({ diagnostic: d, payload: d.data }) ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: fix.preferred,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
  }
  if (kind === 'passwd') {
    const lines = plaintextLines(text);
    if (lines.length > 0) {
      const onLine = lines.some((l) => l >= range.start.line && l <= range.end.line);
      const related = diagnostics.filter((d) => d.code === 'password-hash');
      actions.push({
        title: 'Hash plaintext passwords',
        kind: onLine ? CodeActionKind.QuickFix : CodeActionKind.Source,
        diagnostics: related.length > 0 ? related : undefined,
        command: { title: 'Hash plaintext passwords', command: HASH_PLAINTEXT_COMMAND, arguments: [uri] },
      });
    }
  }
  return actions;
}
