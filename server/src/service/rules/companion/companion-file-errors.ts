import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { summaryRule } from '../../engine/companionRule';
import { basename } from '../../util/paths';

function text(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/**
 * Summary rule (the configuration): the line naming an ACL, password or PSK file whose errors
 * stop the broker gets an error with the first of them; the plugin_opt_config_file line of the
 * dynamic-security plugin gets a warning when its JSON file has problems (the plugin never stops
 * the broker). The first five are related information.
 */
export default summaryRule({
  id: 'companion-file-errors',
  title: 'File named by acl_file, password_file, psk_file or the dynamic-security plugin has problems',
  summarize({ kind, path, diagnostics }) {
    const name = basename(path);
    if (kind === 'dynsec') {
      const problems = diagnostics.filter((x) => x.severity === DiagnosticSeverity.Error || x.severity === DiagnosticSeverity.Warning);
      if (problems.length === 0) {
        return undefined;
      }
      return {
        severity: 'warning',
        message: `'${name}' has ${problems.length} problem${problems.length > 1 ? 's' : ''} the dynamic-security plugin skips or works around (the broker still starts). Line ${problems[0].range.start.line + 1}: ${text(problems[0])}`,
        related: problems.slice(0, 5),
      };
    }
    const errors = diagnostics.filter((x) => x.severity === DiagnosticSeverity.Error);
    if (errors.length === 0) {
      return undefined;
    }
    return {
      severity: 'error',
      message: `'${name}' has ${errors.length} error${errors.length > 1 ? 's' : ''}: the broker refuses to start. Line ${errors[0].range.start.line + 1}: ${text(errors[0])}`,
      related: errors.slice(0, 5),
    };
  },
});
