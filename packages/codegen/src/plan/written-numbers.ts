/**
 * Numbers the plan would not hold as written. YAML reads an unquoted `0777`
 * or `02134` as 777 or 2134 (and YAML 1.1 tools as octal 511 or 1116), which
 * is seldom what a zip code or an id meant. The generated types and checks
 * would use the number read, so it is reported instead.
 */

/** A problem's message and hint for a number `written` (its source text) that YAML read as `value`. */
export function writtenNumberProblem(
  written: string,
  value: number,
): { message: string; hint: string } | undefined {
  return leadingZero(written, value);
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
    hint: `Quote it if it is text ("${written}"), or drop the leading zeros if it is a number (${printed(value)}).`,
  };
}
