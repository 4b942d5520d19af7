import { passwordLineRule } from '../../engine/companionRule';
import { hashFormat, hashProblem, passwordFileRefuses } from '../../companion/passwd/passwd';
import { spanRange } from '../../companion/reader';

/**
 * Password line rule: a password the selected release cannot decode (plain text, an unknown
 * hash type, wrong salt or hash sizes, `$7$` before 2.0), on lines the reader decodes. Error on
 * 2.1 (the broker refuses to start), warning before (the user is dropped). An argon2id hash is a
 * warning: only brokers built with libargon2 accept it. The "Hash plaintext passwords" action
 * (features/companionActions.ts) offers itself with these diagnostics.
 */
export default passwordLineRule({
  id: 'password-hash',
  title: 'Password that is not a hash the broker can read',
  check({ line, checked }, { version, report }) {
    if (line.kind !== 'entry' || !checked || !line.secret) {
      return;
    }
    const secret = line.secret;
    const refuses = passwordFileRefuses(version);
    const problem = hashProblem(secret.text, version);
    if (problem) {
      const plaintext = hashFormat(secret.text) === 'plaintext' && secret.text.length > 0;
      report({
        range: spanRange(line.line, secret.text.length > 0 ? secret : line.name),
        severity: refuses ? 'error' : 'warning',
        message: `The password of '${line.name.text}' cannot be used: ${problem}. ${refuses ? 'The broker refuses to start.' : 'The broker drops this user, who can never log in.'}${plaintext ? " The file must hold hashes as mosquitto_passwd writes them: use 'Hash plaintext passwords'." : ''}`,
      });
    } else if (hashFormat(secret.text) === 'argon2id') {
      report({
        range: spanRange(line.line, secret),
        severity: 'warning',
        message: `The password of '${line.name.text}' is an argon2id hash, which only brokers built with libargon2 accept; others refuse to start.`,
      });
    }
  },
});
