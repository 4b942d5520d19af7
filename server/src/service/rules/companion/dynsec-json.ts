import { printParseErrorCode } from 'jsonc-parser';
import { dynsecRule } from '../../engine/companionRule';
import { typeName } from '../../companion/dynsec/dynsec';

/** Plain words for jsonc-parser's error codes. */
const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: "':' is expected",
  CommaExpected: "',' is expected",
  CloseBraceExpected: "'}' is expected",
  CloseBracketExpected: "']' is expected",
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'comments are not JSON',
  UnexpectedEndOfString: 'the string is not closed',
  UnexpectedEndOfNumber: 'invalid number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'control character inside a string',
};

/**
 * Dynamic-security rule (the whole file): a file that is not JSON (the first syntax error), or
 * whose top level is not an object. Warning: the plugin loads nothing, the broker still starts.
 */
export default dynsecRule({
  id: 'dynsec-json',
  title: 'Dynamic-security file that is not a JSON object',
  check({ syntaxError, root, range }, { report }) {
    if (syntaxError) {
      const where = range(syntaxError.offset, syntaxError.length);
      const what = SYNTAX_WORDS[printParseErrorCode(syntaxError.error)] ?? 'syntax error';
      report({
        range: range(syntaxError.offset, Math.max(syntaxError.length, 1)),
        severity: 'warning',
        message: `Not valid JSON at line ${where.start.line + 1}, column ${where.start.character + 1}: ${what}. The dynamic-security plugin logs an error and loads no clients, groups or roles (the broker still starts).`,
      });
      return;
    }
    if (root && root.type !== 'object') {
      report({
        range: range(root.offset, root.length),
        severity: 'warning',
        message: `The top level is ${typeName(root)}, not an object: the dynamic-security plugin finds no clients, groups or roles in it.`,
      });
    }
  },
});
