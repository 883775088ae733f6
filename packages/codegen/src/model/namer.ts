/**
 * How plan names become identifiers. Deterministic: a name's identifier
 * depends on that name alone, so an unrelated edit never renames anything.
 *
 * 1. Apostrophes are dropped ("it's" → "its"); every other run of characters
 *    that are not letters or digits separates words, as do lower→upper case
 *    changes ("signUp" → sign, Up). Numbers that are not digits ("½", "²")
 *    cannot be part of an identifier, so they separate words too.
 * 2. lowerCamelCase joins the words: the first in lower case, each later one
 *    capitalized ("Order Completed" → orderCompleted, "API Key" → apiKey).
 * 3. A result that starts with a digit gets a leading underscore
 *    ("3D Secure Passed" → _3dSecurePassed).
 * 4. A reserved word gets a trailing underscore ("Delete" → delete_).
 * Names are never changed to avoid a collision: two names that come out the
 * same are an error, fixed with `function:`.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'arguments',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'eval',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'implements',
  'import',
  'in',
  'instanceof',
  'interface',
  'let',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'undefined',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'NaN',
  'Infinity',
]);

export function nameWords(name: string): string[] {
  return name
    .normalize('NFC')
    .replace(/['’]/g, '')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[^\p{L}\p{Nd}\p{Nl}]+/u)
    .filter(Boolean);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** What JavaScript and TypeScript accept as an identifier, reserved words aside. */
const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*$/u;

function makeValid(identifier: string): string {
  if (/^\p{Nd}/u.test(identifier)) return `_${identifier}`;
  return RESERVED_WORDS.has(identifier) ? `${identifier}_` : identifier;
}

/** The function name for a plan name, or '' when it has no letters or digits. */
export function functionName(name: string): string {
  const words = nameWords(name);
  if (words.length === 0) return '';
  const [first = '', ...rest] = words;
  return makeValid(first.toLowerCase() + rest.map(capitalize).join(''));
}

/** The PascalCase type name for a plan name, or '' when it has no letters or digits. */
export function typeName(name: string): string {
  const words = nameWords(name);
  if (words.length === 0) return '';
  const joined = words.map(capitalize).join('');
  return /^\p{Nd}/u.test(joined) ? `_${joined}` : joined;
}

/** Whether a `function:` override can be used as is. */
export function isValidIdentifier(identifier: string): boolean {
  return IDENTIFIER.test(identifier) && !RESERVED_WORDS.has(identifier);
}
