/**
 * Numbers the plan would not hold as written. YAML reads an unquoted `0777`
 * or `02134` as 777 or 2134 (and YAML 1.1 tools as octal 511 or 1116), which
 * is seldom what a zip code or an id meant; and JavaScript holds neither
 * `12345678901234567890` nor `0.10000000000000001` exactly. The generated
 * types and checks would use the number read, so each is reported instead.
 */

/** A problem's message and hint for a number `written` (its source text) that YAML read as `value`. */
export function writtenNumberProblem(
  written: string,
  value: number,
): { message: string; hint: string } | undefined {
  return leadingZero(written, value) ?? lostPrecision(written, value);
}

const printed = (value: number) => (Object.is(value, -0) ? '-0' : String(value));

function leadingZero(
  written: string,
  value: number,
): { message: string; hint: string } | undefined {
  // `0`, `0.5` and `0e3` have one zero before the point; 0x and 0o are notations YAML 1.2 defines.
  if (!/^[-+]?0\d/.test(written)) return undefined;
  // YAML 1.1 reads 0 followed by octal digits as octal; with an 8 or a 9 and no point, as text.
  const yaml11 = /^[-+]?0[0-7]+$/.test(written)
    ? `octal ${Number.parseInt(written, 8)}`
    : /^[-+]?\d+$/.test(written)
      ? 'text'
      : undefined;
  return {
    message: `${written} is read as the number ${printed(value)}: YAML 1.2 drops a leading zero${
      yaml11 && yaml11 !== `octal ${value}` ? `, while YAML 1.1 tools read it as ${yaml11}` : ''
    }.`,
    hint: `Quote it if it is text ("${written}" or !!str ${written}), or drop the leading zeros if it is a number (${printed(value)}).`,
  };
}

const HOLD_EXACTLY =
  'Quote it if it is text, such as an id; if it is a number, write one JavaScript holds exactly: at most 15 significant digits, and whole numbers within ±9007199254740991.';

/**
 * A whole number written as one (`123`, `0x1F`) must be a safe integer: past
 * 2^53 its neighbours read as the same number, so a check of it would pass
 * them too. A decimal (`0.1`, `1e-7`) must read back as the decimal written;
 * JavaScript prints the shortest decimal of the number it holds, which is the
 * one written whenever the two are the same number.
 */
function lostPrecision(
  written: string,
  value: number,
): { message: string; hint: string } | undefined {
  const shown = written.length > 24 ? `${written.slice(0, 20)}…` : written;
  if (/^(?:[-+]?\d+|0x[\dA-Fa-f]+|0o[0-7]+)$/.test(written)) {
    if (Number.isSafeInteger(value) || !Number.isInteger(value)) return undefined;
    const exact = BigInt(written);
    if (BigInt(value) === exact) {
      return {
        message: `${shown} is past the whole numbers JavaScript holds exactly (±9007199254740991): it and ${exact + 1n} read as the same number.`,
        hint: HOLD_EXACTLY,
      };
    }
  } else if (decimalOf(written) === decimalOf(String(value))) {
    return undefined;
  }
  return {
    message: `${shown} cannot be held exactly in JavaScript, which reads it as ${String(value)}.`,
    hint: HOLD_EXACTLY,
  };
}

/** A decimal's digits and exponent with no leading or trailing zeros: `1.50` and `15e-1` alike. */
function decimalOf(text: string): string {
  const match = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}`.replace(/^0+/, '');
  if (digits === '') return '0';
  const significant = digits.replace(/0+$/, '');
  const power =
    BigInt(exponent) - BigInt(fraction.length) + BigInt(digits.length - significant.length);
  return `${sign === '-' ? '-' : ''}${significant}e${power}`;
}
