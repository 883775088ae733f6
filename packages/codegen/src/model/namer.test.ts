import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { functionName, isValidIdentifier, nameWords, typeName } from './namer.js';

const syntaxErrors = (code: string) =>
  (
    ts.transpileModule(code, {
      reportDiagnostics: true,
      compilerOptions: { target: ts.ScriptTarget.ES2022 },
    }).diagnostics ?? []
  ).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

describe('functionName', () => {
  const table = [
    { given: 'Order Completed', want: 'orderCompleted' },
    { given: 'order_completed', want: 'orderCompleted' },
    { given: 'order-completed', want: 'orderCompleted' },
    { given: 'orderCompleted', want: 'orderCompleted' },
    { given: 'API Key Created', want: 'apiKeyCreated' },
    { given: "it's", want: 'its' },
    { given: 'Shopper’s Cart Viewed', want: 'shoppersCartViewed' },
    { given: 'delete', want: 'delete_' },
    { given: 'Class', want: 'class_' },
    { given: 'new', want: 'new_' },
    { given: '3D Secure Passed', want: '_3dSecurePassed' },
    { given: '404 Seen', want: '_404Seen' },
    { given: 'a */ b ${x} `c`', want: 'aBXC' },
    { given: 'Ünïcødé Évent', want: 'ünïcødéÉvent' },
    { given: 'constructor', want: 'constructor' },
    { given: '  spaced   out  ', want: 'spacedOut' },
    { given: '!!!', want: '' },
    // Numbers that are not digits (No) cannot appear in identifiers: they separate words.
    { given: 'Level ½ Done', want: 'levelDone' },
    { given: 'm² Area', want: 'mArea' },
    { given: '²nd Try', want: 'ndTry' },
    { given: 'Ⅻ Roman', want: 'ⅻRoman' },
    { given: '٣ Arabic Digit', want: '_٣ArabicDigit' },
  ];
  it.each(table)('$given → $want', ({ given, want }) => {
    expect(functionName(given)).toBe(want);
    if (want !== '') {
      expect(isValidIdentifier(want)).toBe(true);
      // TypeScript's parser is the judge of what parses.
      expect(syntaxErrors(`export function ${want}() {}`)).toEqual([]);
      expect(syntaxErrors(`export interface ${typeName(given)}Properties {}`)).toEqual([]);
    }
  });
});

describe('typeName', () => {
  const table = [
    { given: 'Order Completed', want: 'OrderCompleted' },
    { given: 'product', want: 'Product' },
    { given: '3D Secure', want: '_3dSecure' },
    { given: 'delete', want: 'Delete' },
  ];
  it.each(table)('$given → $want', ({ given, want }) => {
    expect(typeName(given)).toBe(want);
  });
});

describe('nameWords and isValidIdentifier', () => {
  it('splits camelCase and punctuation', () => {
    expect(nameWords('signUp-Started v2')).toEqual(['sign', 'Up', 'Started', 'v2']);
  });
  it('refuses reserved words and bad starts', () => {
    for (const bad of ['class', '1abc', 'a-b', '', 'a b', 'a²', '½', 'x¼y'])
      expect(isValidIdentifier(bad)).toBe(false);
    for (const good of ['orderCompleted', '_x', '$y', 'ünï', 'a٣', 'x\u200dy', 'é'])
      expect(isValidIdentifier(good)).toBe(true);
  });
});
