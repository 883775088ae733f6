/**
 * The only ways plan text reaches generated code. Every name, description,
 * enum value and pattern goes through one of these, so no plan can break out
 * of a string or a comment: there is no other concatenation of plan text.
 */

/** A TypeScript string literal holding `text` exactly. */
export function stringLiteral(text: string): string {
  // JSON strings are valid JS strings; the two line separators are escaped
  // too, for tools that still treat them as line ends.
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A literal for an enum or const value. */
export function valueLiteral(value: string | number | boolean | null): string {
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key: bare when it is a plain identifier, otherwise a string literal. */
export function propertyKey(name: string): string {
  return PLAIN_KEY.test(name) && name !== '__proto__' ? name : stringLiteral(name);
}

/** Text safe inside a block comment: no comment end, one line per entry. */
function commentLines(text: string): string[] {
  return text
    .replace(/\*\//g, '*\\/')
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((line) => line.replace(/\s+$/, ''));
}

/**
 * A JSDoc block from paragraphs and tags (tags already start with `@`), or ''
 * when there is nothing to say.
 */
export function jsDoc(parts: readonly (string | undefined)[], indent = ''): string {
  const lines = parts
    .filter((part): part is string => part !== undefined && part !== '')
    .flatMap(commentLines);
  if (lines.length === 0) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ''}`).join('\n')}\n${indent} */\n`;
}
