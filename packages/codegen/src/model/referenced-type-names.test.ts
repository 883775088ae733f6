import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { GOLDEN_FIXTURES } from '../../test/golden/fixtures.js';
import { REFERENCED_TYPE_NAMES } from './build-model.js';

/**
 * The type names a generated file uses or declares that do not come from
 * the plan: everything but its exported declarations, its type parameters
 * and the $-prefixed values the module keeps for itself.
 */
function moduleOwnTypeNames(text: string): string[] {
  const file = ts.createSourceFile('index.ts', text, ts.ScriptTarget.ES2022, true);
  const mentioned = new Set<string>();
  const exported = new Set<string>();
  const parameters = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName))
      mentioned.add(node.typeName.text);
    if (ts.isImportSpecifier(node)) mentioned.add(node.name.text);
    if (ts.isTypeParameterDeclaration(node)) parameters.add(node.name.text);
    if (
      (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) &&
      ts.isSourceFile(node.parent)
    ) {
      const isExported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      (isExported ? exported : mentioned).add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...mentioned]
    .filter((name) => !exported.has(name) && !parameters.has(name) && !name.startsWith('$'))
    .sort();
}

it.each(GOLDEN_FIXTURES)(
  'plan types may not take the names the generated $name module uses for itself',
  ({ name }) => {
    const text = readFileSync(
      new URL(`../../test/golden/${name}/index.ts`, import.meta.url),
      'utf8',
    );
    expect(REFERENCED_TYPE_NAMES).toEqual(expect.arrayContaining(moduleOwnTypeNames(text)));
  },
);
