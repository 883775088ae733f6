import type { PageModel, PlanModel, PropertyModel } from '../model/types.js';
import { checkExpression, objectCheck } from './check-expression.js';
import { jsDoc, stringLiteral } from './escape.js';
import { GENERATED_BY } from './module-template.js';
import { objectType, typeExpression } from './type-expression.js';

/** Page fields core fills in a browser; page checks accept them unless the plan declares them. */
const AUTOMATIC_PAGE_FIELDS = ['path', 'referrer', 'search', 'title', 'url'];

/** One declaration, with its JSDoc, ready to print. */
export interface Block {
  doc: string;
  code: string;
}

/** One generated function, typed in full, with its JSDoc. */
export interface FunctionBlock {
  doc: string;
  code: string;
}

/**
 * Everything the module template prints, computed here as finished strings:
 * the template only places them, it decides nothing.
 */
export interface ModuleView {
  header: string;
  namedTypes: Block[];
  eventTypes: Block[];
  traitTypes: Block[];
  pageTypes: Block[];
  planTypes: string;
  eventFunctions: FunctionBlock[];
  callFunctions: FunctionBlock[];
  pageHelpers: { types: string; categories: string };
  typeChecks: string[];
  eventChecks: string[];
  pageChecks: string[];
  identifyCheck: string;
  groupCheck: string;
}

function propertiesInterface(
  name: string,
  properties: readonly PropertyModel[],
  doc: readonly (string | undefined)[],
): Block {
  const code =
    properties.length === 0
      ? `export type ${name} = Record<string, never>;`
      : `export interface ${name} ${objectType(properties, false)}`;
  return { doc: jsDoc(doc), code };
}

function deprecatedTag(deprecated: string | undefined): string | undefined {
  return deprecated === undefined ? undefined : `@deprecated ${deprecated}`;
}

function allOptional(properties: readonly PropertyModel[]): boolean {
  return properties.every((property) => !property.required);
}

/**
 * Globals the module's code refers to by name: \`process\` in its NODE_ENV test
 * (which bundlers replace only where \`process\` is not declared in the
 * module) and \`Map\` in its checks. Both sit in the one file with the plan's
 * functions, so a function of one of these names, such as the "Process"
 * event's, is declared under a \$-prefixed name, which no plan name takes, and
 * exported under its own.
 */
const MODULE_GLOBALS: ReadonlySet<string> = new Set(['process', 'Map']);

function pageCheck(page: PageModel): string {
  return `        [${stringLiteral(page.name)}, ${objectCheck(page.properties, false, '        ', AUTOMATIC_PAGE_FIELDS)}],`;
}

export function buildModuleView(model: PlanModel, planFile: string): ModuleView {
  const namedTypes = model.types.map((type) => ({
    doc: jsDoc([type.description]),
    code:
      type.shape.kind === 'object' &&
      type.shape.additional === false &&
      type.shape.properties.length > 0
        ? `export interface ${type.typeName} ${objectType(type.shape.properties, false)}`
        : `export type ${type.typeName} = ${typeExpression(type.shape)};`,
  }));
  const eventTypes = model.events.map((event) =>
    propertiesInterface(event.typeName, event.properties, [
      `Properties of the ${stringLiteral(event.name)} event.`,
      deprecatedTag(event.deprecated),
    ]),
  );
  const traitTypes = [
    propertiesInterface('IdentifyTraits', model.identifyTraits, ['Traits of an identify call.']),
    propertiesInterface('GroupTraits', model.groupTraits, ['Traits of a group call.']),
  ];
  const pageTypes = model.pages.map((page) =>
    propertiesInterface(page.typeName, page.properties, [
      `Properties of the ${stringLiteral(page.name)} page.`,
      deprecatedTag(page.deprecated),
    ]),
  );
  const planTypes = [
    'export interface PlanTypes {',
    '  events: {',
    ...model.events.map((event) => `    ${stringLiteral(event.name)}: ${event.typeName};`),
    '  };',
    '  pages: {',
    ...model.pages.map((page) => `    ${stringLiteral(page.name)}: ${page.typeName};`),
    '  };',
    '  identifyTraits: IdentifyTraits;',
    '  groupTraits: GroupTraits;',
    '}',
  ].join('\n');

  const eventFunctions = model.events.map((event): FunctionBlock => {
    const optional = allOptional(event.properties);
    const hidesGlobal = MODULE_GLOBALS.has(event.functionName);
    const declared = hidesGlobal ? `$${event.functionName}` : event.functionName;
    return {
      doc: jsDoc([
        event.description,
        `Sends the ${stringLiteral(event.name)} event.`,
        deprecatedTag(event.deprecated),
      ]),
      code: [
        `${hidesGlobal ? '' : 'export '}function ${declared}(properties: ${event.typeName}${optional ? ' = {}' : ''}, options?: CallOptions): Promise<TrackResult> {`,
        `  return $callThrough('track', { event: ${stringLiteral(event.name)}, properties }, options);`,
        '}',
        ...(hidesGlobal ? [`export { ${declared} as ${event.functionName} };`] : []),
      ].join('\n'),
    };
  });

  const categories = model.pages.filter((page) => page.category !== undefined);
  const callFunctions: FunctionBlock[] = [
    {
      doc: jsDoc(['Identifies the user with traits from the plan; pass `userId` in options.']),
      code: [
        `export function identify(traits: IdentifyTraits${allOptional(model.identifyTraits) ? ' = {}' : ''}, options?: CallOptions): Promise<IdentifyResult> {`,
        "  return $callThrough('identify', { traits }, options);",
        '}',
      ].join('\n'),
    },
    {
      doc: jsDoc(['Associates the user with a group, with traits from the plan.']),
      code: [
        `export function group(groupId: string, traits: GroupTraits${allOptional(model.groupTraits) ? ' = {}' : ''}, options?: CallOptions): Promise<GroupResult> {`,
        "  return $callThrough('group', { groupId, traits }, options);",
        '}',
      ].join('\n'),
    },
    {
      doc: jsDoc(["Records a view of one of the plan's pages, with its category from the plan."]),
      // The first signature is the one callers and declaration files see.
      code: [
        'export function page<N extends PageName>(name: N, ...rest: PageArguments<N>): Promise<PageResult>;',
        'export function page(name: string, properties?: unknown, options?: CallOptions): Promise<PageResult> {',
        '  const category = $pageCategories[name];',
        "  return $callThrough('page', category === undefined ? { name, properties } : { name, category, properties }, options);",
        '}',
      ].join('\n'),
    },
  ];
  const pageHelpers = {
    types: [
      "type PageName = keyof PlanTypes['pages'] & string;",
      '// A name that may be one of several pages takes properties that fit each of',
      '// them (the parameter of a union of functions is the intersection of theirs),',
      '// so the properties one of them requires are required.',
      'type PageArguments<N extends PageName> =',
      "  (N extends PageName ? (properties: PlanTypes['pages'][N]) => void : never) extends (properties: infer P) => void",
      '    ? {} extends P',
      '      ? [properties?: P, options?: CallOptions]',
      '      : [properties: P, options?: CallOptions]',
      '    : never;',
    ].join('\n'),
    categories: [
      '// No prototype: a page named constructor or toString has no category.',
      '// TypeScript reads __proto__ as a key holding null, hence the null.',
      'const $pageCategories: { [name: string]: string | null | undefined } = {',
      '  __proto__: null,',
      ...categories.map(
        (page) => `  ${stringLiteral(page.name)}: ${stringLiteral(page.category ?? '')},`,
      ),
      '};',
    ].join('\n'),
  };

  return {
    header: `${GENERATED_BY} from ${planFile} (${model.name.replace(/[\r\n\u2028\u2029]/g, ' ')}).\n// Do not edit: change the plan and run \`codegen generate\`.`,
    namedTypes,
    eventTypes,
    traitTypes,
    pageTypes,
    planTypes,
    eventFunctions,
    callFunctions,
    pageHelpers,
    // Typed, since a type may refer to itself through $v.lazy.
    typeChecks: model.types.map(
      (type) => `  const ${type.typeName}Check: $Check = ${checkExpression(type.shape, '  ')};`,
    ),
    eventChecks: model.events.map(
      (event) =>
        `        [${stringLiteral(event.name)}, ${objectCheck(event.properties, false, '        ')}],`,
    ),
    pageChecks: model.pages.map(pageCheck),
    identifyCheck: objectCheck(model.identifyTraits, false, '      '),
    groupCheck: objectCheck(model.groupTraits, false, '      '),
  };
}
