import { type Document, isMap, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { PlanPath } from './source.js';

/**
 * What checkKeys learns of a document's repeated keys, to read the earlier
 * copies later without parsing or checking the document again.
 */
export interface CopyIndex {
  /** The readings a node's copies take, where more than one; see selectCopies. */
  readings: ReadonlyMap<unknown, number>;
  /**
   * Each mapping's pairs by name, where the mapping takes more than one
   * reading: only the names that take more than one, in the order they are
   * first written.
   */
  copiesIn: ReadonlyMap<YAMLMap, ReadonlyMap<string, readonly Pair[]>>;
  /** The name of each pair kept, as read: an alias key (`*k :`) names what it refers to. */
  names: ReadonlyMap<Pair, string>;
  /** Lists emptied of refused elements. */
  emptiedLists: ReadonlySet<Node>;
}

/** Top-level mappings of names whose entries claim generated names (see buildModel). */
const NAME_MAPS = new Set(['types', 'events', 'pages']);

/** Which copies count in one reading, and where the earlier ones among them are. */
export interface Selection {
  /** Copies that do not count: the ones after the copy that counts. */
  leftOut: Set<Pair>;
  /** Earlier copies that count, in place of the last. */
  earlier: Set<Pair>;
  /** Nodes and pairs that hold an earlier copy that counts. */
  holding: Set<unknown>;
  /** Where the earlier copies that count are written (text offsets). */
  ranges: { start: number; end: number }[];
  /**
   * Which earlier copies count among those generated names are made of: of
   * the plan's events, pages and types, of their entries, and of an event's
   * `function:`. Two readings with the same claims check the same names.
   */
  claims: string;
}

/**
 * Where a mapping is, as far as generated names go: the plan, its events,
 * its pages or types, one event, or anything else.
 */
type Level = 'plan' | 'events' | 'names' | 'event' | 'other';

/** The level of a pair's value, and whether the pair is one names are made of. */
function levelBelow(level: Level, name: string): { level: Level; claims: boolean } {
  switch (level) {
    case 'plan':
      return NAME_MAPS.has(name)
        ? { level: name === 'events' ? 'events' : 'names', claims: true }
        : { level: 'other', claims: false };
    case 'events':
      return { level: 'event', claims: true };
    case 'names':
      return { level: 'other', claims: true };
    case 'event':
      return { level: 'other', claims: name === 'function' };
    default:
      return { level: 'other', claims: false };
  }
}

/**
 * The copies of repeated keys that count in a reading (1 to the plan's
 * earlierReadings). A key's copies take its readings in turn from the last
 * copy back, each for as many readings as the copies repeated inside it
 * need, and pass on to those the reading they are at within their own: with
 * `A` twice and `q` twice inside the first `A`, reading 0 takes the last `A`,
 * reading 1 the first `A` and its last `q`, reading 2 the first `A` and its
 * first `q`. Every copy so counts in some reading, and there are at most as
 * many readings as copies, not one per combination of copies. Every reading
 * from 1 takes at least one earlier copy; reading 0 takes none.
 */
export function selectCopies(root: unknown, reading: number, index: CopyIndex): Selection {
  const selection: Selection = {
    leftOut: new Set(),
    earlier: new Set(),
    holding: new Set(),
    ranges: [],
    claims: '',
  };
  const claims: number[] = [];
  /** Selects below a node; returns whether it holds an earlier copy that counts. */
  const select = (node: unknown, at: number, level: Level): boolean => {
    if (at === 0 || !index.readings.has(node)) return false;
    let holds = false;
    if (isSeq(node)) {
      for (const item of node.items) holds = select(item, at, 'other') || holds;
    }
    const copies = isMap(node) ? index.copiesIn.get(node) : undefined;
    for (const [name, pairs] of copies ?? []) {
      const below = levelBelow(level, name);
      let first = 0;
      for (let i = pairs.length - 1; i >= 0; i--) {
        const pair = pairs[i] as Pair;
        const count = index.readings.get(pair) ?? 1;
        if (at >= first + count) {
          first += count;
          continue;
        }
        for (const later of pairs.slice(i + 1)) selection.leftOut.add(later);
        const holdsBelow = select(pair.value, at - first, below.level);
        const start = (pair.key as Node | null)?.range?.[0];
        if (i < pairs.length - 1) {
          selection.earlier.add(pair);
          const end =
            (pair.value as Node | null)?.range?.[2] ?? (pair.key as Node | null)?.range?.[2];
          if (start !== undefined && end !== undefined) selection.ranges.push({ start, end });
          if (below.claims) claims.push(start ?? -1);
          holds = true;
        } else if (holdsBelow) {
          selection.holding.add(pair);
          holds = true;
        }
        break;
      }
    }
    if (holds) selection.holding.add(node);
    return holds;
  };
  select(root, reading, 'plan');
  selection.claims = claims.join(',');
  return selection;
}

/**
 * The plan as one reading holds it, cut down to what the checks of its
 * earlier copies need, so that a reading costs what those copies cost and not
 * what the whole plan does (problems outside the copies are not kept):
 * - the earlier copies that count, whole, with the copies inside them that
 *   count;
 * - the mappings that hold them, with their other keys, which the checks
 *   read beside them (a rule beside its `type`), except in `events`, `pages`
 *   and `types`, whose entries do not read each other;
 * - the names under `types`, which `$ref` is checked against;
 * - where the reading `claimsNames`, the names of every event (with its
 *   `function:`) and page as well, which generated names are checked
 *   against;
 * - `version` and `name`.
 * What the plan's own reading (`value`) holds is shared, not read again.
 * Also returns the emptied lists inside the earlier copies (see PlanSource).
 */
export function readingValue(
  doc: Document,
  value: unknown,
  selection: Selection,
  index: CopyIndex,
  claimsNames: boolean,
): { value: unknown; emptied: Set<string> } {
  const emptied = new Set<string>();
  const namesNeeded = (map: string) => map === 'types' || claimsNames;
  /** The pair that counts for each name of a mapping, in the order the names are first written. */
  const counting = (node: YAMLMap): Map<string, Pair> => {
    const pairs = new Map<string, Pair>();
    for (const pair of node.items as Pair[]) {
      const name = index.names.get(pair);
      if (name === undefined || selection.leftOut.has(pair)) continue;
      // A later copy replaces the value, not the place, as in the plan's own reading.
      pairs.set(name, pair);
    }
    return pairs;
  };
  /** The pair that counts for each of a mapping's names that take more than one reading. */
  const countingOf = (copies: ReadonlyMap<string, readonly Pair[]> | undefined) => {
    const pairs = new Map<string, Pair>();
    for (const [name, copiesOfName] of copies ?? []) {
      for (let i = copiesOfName.length - 1; i >= 0; i--) {
        const pair = copiesOfName[i] as Pair;
        if (selection.leftOut.has(pair)) continue;
        pairs.set(name, pair);
        break;
      }
    }
    return pairs;
  };
  /** A node inside an earlier copy that counts: all of it, with the copies that count. */
  const whole = (node: unknown, path: PlanPath): unknown => {
    if (!index.readings.has(node)) {
      for (const list of pathsOf(node, index.emptiedLists, index.names, path)) emptied.add(list);
      return node && typeof node === 'object' && 'toJS' in node
        ? (node as Node).toJS(doc, { maxAliasCount: -1 })
        : node;
    }
    if (isSeq(node)) {
      if (index.emptiedLists.has(node)) emptied.add(JSON.stringify(path));
      return node.items.map((item, i) => whole(item, [...path, i]));
    }
    const result: Record<string, unknown> = {};
    if (isMap(node)) {
      for (const [name, pair] of counting(node)) {
        setKey(result, name, whole(pair.value, [...path, name]));
      }
    }
    return result;
  };
  /** A node that holds earlier copies that count, outside them. */
  const holding = (node: unknown, path: PlanPath, held: unknown): unknown => {
    if (isSeq(node)) {
      return node.items.map((item, i) =>
        selection.holding.has(item)
          ? holding(item, [...path, i], childOf(held, i))
          : childOf(held, i),
      );
    }
    const result: Record<string, unknown> = {};
    if (!isMap(node)) return result;
    const map = path.length === 1 && NAME_MAPS.has(String(path[0])) ? String(path[0]) : undefined;
    // Where only the entries holding earlier copies are kept, only those are looked at.
    const pairs = map && !namesNeeded(map) ? countingOf(index.copiesIn.get(node)) : counting(node);
    for (const [name, pair] of pairs) {
      const at = [...path, name];
      const child = childOf(held, name);
      if (selection.earlier.has(pair)) setKey(result, name, whole(pair.value, at));
      else if (selection.holding.has(pair)) setKey(result, name, holding(pair.value, at, child));
      else if (map) {
        if (namesNeeded(map)) setKey(result, name, nameOnly(map, child));
      } else if (path.length > 0 || name === 'version' || name === 'name') {
        setKey(result, name, child);
      } else if (NAME_MAPS.has(name) && namesNeeded(name)) {
        setKey(result, name, namesOnly(name, child));
      }
    }
    return result;
  };
  const root = (doc.contents ?? null) as unknown;
  const read = selection.holding.has(root) ? holding(root, [], value) : value;
  return { value: read, emptied };
}

/** The value at one step below, as the plan's own reading holds it. */
function childOf(value: unknown, segment: string | number): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
}

/** Sets a key as yaml's toJS does, so a key such as __proto__ stays a key. */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in target) {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** An entry of `events`, `pages` or `types` reduced to what names are checked by. */
function nameOnly(map: string, entry: unknown): unknown {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
  return map === 'events' && Object.hasOwn(entry, 'function')
    ? { function: (entry as { function: unknown }).function }
    : {};
}

/** A whole `events`, `pages` or `types` mapping reduced to its names. */
function namesOnly(map: string, entries: unknown): unknown {
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return entries;
  const result: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(entries)) setKey(result, name, nameOnly(map, entry));
  return result;
}

/**
 * The paths (as JSON) of the emptied lists below `root` as read: where a key
 * repeats, the last copy is the one read. Pairs are named as checkKeys named
 * them, so a list under an alias key (`*k : [...]`) is found.
 */
export function pathsOf(
  root: unknown,
  lists: ReadonlySet<Node>,
  names: ReadonlyMap<Pair, string>,
  prefix: PlanPath = [],
): Set<string> {
  const paths = new Set<string>();
  if (lists.size === 0) return paths;
  const walk = (node: unknown, path: PlanPath) => {
    if (isSeq(node)) {
      if (lists.has(node)) paths.add(JSON.stringify(path));
      for (const [index, item] of node.items.entries()) walk(item, [...path, index]);
    } else if (isMap(node)) {
      const last = new Map<string, unknown>();
      for (const pair of node.items) {
        const name = names.get(pair);
        if (name !== undefined) last.set(name, pair.value);
      }
      for (const [name, value] of last) walk(value, [...path, name]);
    }
  };
  walk(root, prefix);
  return paths;
}
