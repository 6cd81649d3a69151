import { pinyin } from "pinyin-pro";
import type { ItemKind } from "@onestop/events";
import type { ItemCategory, ItemContent } from "../items/item.rules";

/**
 * How a name is found at a touch-screen kiosk: by its characters, by the initials of its
 * pinyin ("jsgc" for 建设工程…) or by its whole pinyin. Computed once, at publish time.
 */
export interface NameIndex {
  initials: string;
  pinyin: string;
}

export function nameIndex(name: string): NameIndex {
  const initials: string[] = [];
  const whole: string[] = [];
  for (const part of pinyin(name, { toneType: "none", type: "all", nonZh: "consecutive", v: true })) {
    if (part.isZh) {
      initials.push(part.pinyin[0]);
      whole.push(part.pinyin);
    } else {
      // Latin letters or digits inside a name ("B超", "110") are typed as they are; punctuation is not typed.
      const typed = part.origin.toLowerCase().replace(/[^a-z0-9]/g, "");
      initials.push(typed);
      whole.push(typed);
    }
  }
  return { initials: initials.join(""), pinyin: whole.join("") };
}

/** One term of a keyword: matched against the name, or, typed in latin letters, its pinyin. */
export interface SearchTerm {
  text: string;
  latin: boolean;
  /** 俗称: the official words the term stands for (医保 → 医疗保险 …); any of them in a name matches too. */
  expansions?: readonly string[];
}

/** One everyday word (俗称) and one phrase of the official names it stands for. */
export interface Synonym {
  word: string;
  expansion: string;
}

/** The expansions of every everyday word, under the word itself, its pinyin initials and its whole pinyin. */
export type SynonymIndex = ReadonlyMap<string, readonly string[]>;

export function synonymIndex(synonyms: readonly Synonym[]): SynonymIndex {
  const index = new Map<string, string[]>();
  const add = (key: string, expansion: string) => {
    const list = index.get(key) ?? [];
    if (!list.includes(expansion)) list.push(expansion);
    index.set(key, list);
  };
  for (const { word, expansion } of synonyms) {
    const typed = nameIndex(word);
    add(word, expansion);
    // One letter is the start of too many words to stand for one of them.
    if (typed.initials.length > 1) add(typed.initials, expansion);
    add(typed.pinyin, expansion);
  }
  return index;
}

/** The terms with what each everyday word among them stands for: the whole term must be the word, in characters or pinyin. */
export function withSynonyms(terms: readonly SearchTerm[], index: SynonymIndex): SearchTerm[] {
  return terms.map((term) => {
    const expansions = index.get(term.text);
    return expansions ? { ...term, expansions } : term;
  });
}

export const MAX_TERMS = 5;
export const MAX_TERM_LENGTH = 40;

/**
 * Splits a keyword on white space into terms that must all match (AND). Latin terms are
 * lower-cased, since pinyin is stored in lower case. Returns problems instead of terms
 * when the keyword is too long to be a search.
 */
export function parseKeyword(keyword: string | null | undefined): { terms: SearchTerm[]; problems: string[] } {
  const parts = (keyword ?? "").trim().split(/\s+/u).filter(Boolean);
  const problems: string[] = [];
  if (parts.length > MAX_TERMS) problems.push(`keyword: at most ${MAX_TERMS} words`);
  if (parts.some((part) => part.length > MAX_TERM_LENGTH)) problems.push(`keyword: at most ${MAX_TERM_LENGTH} characters a word`);
  if (problems.length > 0) return { terms: [], problems };
  return {
    terms: parts.map((part) => (/^[A-Za-z]+$/.test(part) ? { text: part.toLowerCase(), latin: true } : { text: part, latin: false })),
    problems,
  };
}

/** Where a page ended in the stable order (pinyin of the name, then id). Opaque to clients. */
export interface CursorPosition {
  sortKey: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.id]), "utf8").toString("base64url");
}

/** Null when the cursor was not made by encodeCursor. */
export function decodeCursor(cursor: string): CursorPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      return { sortKey: value[0], id: value[1] };
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * The order the public catalog is listed in: by the name's pinyin, so 办 comes before 建,
 * the way a citizen scans a kiosk list; the name breaks ties between equal pinyin.
 */
export function sortKeyOf(index: NameIndex, name: string): string {
  return `${index.pinyin} ${name}`.slice(0, 250);
}

/** What the public catalog keeps of an item's current version to list and find it. */
export interface ListingEntry {
  itemId: string;
  centerCode: string;
  departmentId: string;
  code: string;
  version: number;
  name: string;
  nameInitials: string;
  namePinyin: string;
  sortKey: string;
  kind: ItemKind;
  category: ItemCategory;
  themes: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  maxVisits: number;
  free: boolean;
  publishedAt: Date;
}

export function listingEntry(
  item: { id: string; centerCode: string; departmentId: string; code: string },
  version: Pick<ItemContent, "name" | "kind" | "category" | "themes" | "legalLimitDays" | "promisedLimitDays" | "maxVisits" | "feeItems"> & {
    version: number;
    publishedAt: Date;
  },
): ListingEntry {
  const index = nameIndex(version.name);
  return {
    itemId: item.id,
    centerCode: item.centerCode,
    departmentId: item.departmentId,
    code: item.code,
    version: version.version,
    name: version.name,
    nameInitials: index.initials,
    namePinyin: index.pinyin,
    sortKey: sortKeyOf(index, version.name),
    kind: version.kind,
    category: version.category,
    themes: version.themes.join(","),
    legalLimitDays: version.legalLimitDays,
    promisedLimitDays: version.promisedLimitDays,
    maxVisits: version.maxVisits,
    free: version.feeItems.length === 0,
    publishedAt: version.publishedAt,
  };
}

/** What the in-memory search reads of a listed item. */
export interface Searchable {
  itemId: string;
  departmentId: string;
  code: string;
  name: string;
  nameInitials: string;
  namePinyin: string;
  sortKey: string;
  kind: ItemKind;
  themes: string;
}

export interface SearchFilter {
  terms: readonly SearchTerm[];
  departmentId?: string | null;
  kind?: ItemKind | null;
  theme?: string | null;
}

/** The catalog's one order: by sort key, then id; plain code-unit comparison, the same everywhere. */
export function compareListed(a: Pick<Searchable, "sortKey" | "itemId">, b: Pick<Searchable, "sortKey" | "itemId">): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  if (a.itemId !== b.itemId) return a.itemId < b.itemId ? -1 : 1;
  return 0;
}

/**
 * Every term must appear (AND): a Chinese term in the name or the code, a latin term in the
 * name, the pinyin initials or the whole pinyin, or, for an everyday word, one of its
 * expansions in the name. Letters match whatever their case.
 */
export function matches(item: Searchable, filter: SearchFilter): boolean {
  if (filter.departmentId && item.departmentId !== filter.departmentId) return false;
  if (filter.kind && item.kind !== filter.kind) return false;
  if (filter.theme && !item.themes.split(",").includes(filter.theme)) return false;
  const name = item.name.toLowerCase();
  return filter.terms.every((term) => {
    const text = term.text.toLowerCase();
    if (name.includes(text)) return true;
    if (term.expansions?.some((expansion) => name.includes(expansion))) return true;
    return term.latin ? item.nameInitials.includes(text) || item.namePinyin.includes(text) : item.code.toLowerCase().includes(text);
  });
}

/** One page of a sorted listing: the matches after the cursor, at most `first`, and how many match in all. */
export function searchListing<T extends Searchable>(
  sorted: readonly T[],
  filter: SearchFilter,
  after: CursorPosition | null,
  first: number,
): { page: T[]; total: number; hasNextPage: boolean } {
  const matching = sorted.filter((item) => matches(item, filter));
  const start = after ? matching.findIndex((item) => compareListed(item, { sortKey: after.sortKey, itemId: after.id }) > 0) : 0;
  const rest = start < 0 ? [] : matching.slice(start);
  return { page: rest.slice(0, first), total: matching.length, hasNextPage: rest.length > first };
}
