/** How the broker reads a number token. */
export interface NumberReading {
  /** The number the broker ends up with (undefined when it refuses the text). */
  readonly value: number | undefined;
  /**
   * `ok`: a plain decimal; `lenient`: not a clean number but read anyway (atoi);
   * `invalid`: refused; `overflow`: outside the C int range (refused);
   * `octal`/`hex`: accepted in another base (2.1 reads `010` as 8 and `0x10` as 16).
   */
  readonly status: 'ok' | 'lenient' | 'invalid' | 'overflow' | 'octal' | 'hex';
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** C `atoi`: leading blanks, optional sign, digits; anything else stops it (0 when none). */
export function atoi(text: string | undefined): number {
  if (text === undefined) {
    return 0;
  }
  const m = /^[\t\n\v\f\r ]*([+-]?\d+)/.exec(text);
  return m ? Number.parseInt(m[1], 10) : 0;
}

/** Reads a boolean token the way the broker does (exactly true/false/1/0); undefined when invalid. */
export function readBool(token: string | undefined): boolean | undefined {
  if (token === 'true' || token === '1') {
    return true;
  }
  if (token === 'false' || token === '0') {
    return false;
  }
  return undefined;
}

/** C `atoi` as the 1.x/2.0 parser uses it. */
export function readAtoi(text: string): NumberReading {
  const value = atoi(text);
  const clean = /^[+-]?\d+$/.test(text);
  return { value: clean && value >= INT_MIN && value <= INT_MAX ? value : value, status: clean ? 'ok' : 'lenient' };
}

/** `strtol(text, &end, 0)` followed by the 2.1 checks (whole token, C int range). */
export function readStrtol(text: string): NumberReading {
  const m = /^[\t\n\v\f\r ]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(text);
  if (!m) {
    return { value: undefined, status: 'invalid' };
  }
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2];
  let value: number;
  let status: NumberReading['status'] = 'ok';
  if (/^0[xX]/.test(body)) {
    value = Number.parseInt(body.slice(2), 16);
    status = 'hex';
  } else if (body.length > 1 && body.startsWith('0')) {
    value = Number.parseInt(body, 8);
    status = 'octal';
  } else {
    value = Number.parseInt(body, 10);
  }
  value *= sign;
  if (value < INT_MIN || value > INT_MAX) {
    return { value: undefined, status: 'overflow' };
  }
  return { value, status };
}
