import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const SHOW_RULE_DOCS_COMMAND = 'mosquitto.showRuleDocs';

/**
 * The server links each diagnostic to its rule's heading in the shipped docs/rules.md (a file
 * URI with the rule id as fragment). In VS Code that link becomes a command that opens the
 * Markdown preview at the heading instead of the raw file.
 */
export function ruleDocsMiddleware(): Middleware {
  return {
    handleDiagnostics(uri, diagnostics, next) {
      for (const diagnostic of diagnostics) {
        const code = diagnostic.code;
        if (typeof code === 'object' && code.target.scheme === 'file' && code.target.path.endsWith('/docs/rules.md') && code.target.fragment) {
          const args = encodeURIComponent(JSON.stringify([code.target.fragment]));
          diagnostic.code = { value: code.value, target: vscode.Uri.parse(`command:${SHOW_RULE_DOCS_COMMAND}?${args}`) };
        }
      }
      next(uri, diagnostics);
    },
  };
}

/** Opens the shipped rules.md in the Markdown preview, scrolled to a rule's section. */
export function registerRuleDocs(context: vscode.ExtensionContext): void {
  const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, async (ruleId?: string) => {
      const target = typeof ruleId === 'string' && /^[a-z0-9-]+$/.test(ruleId) ? docs.with({ fragment: ruleId }) : docs;
      await vscode.commands.executeCommand('markdown.showPreview', target);
    }),
  );
}
