import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { GatewayErrorCode } from "../errors";

export interface QueryLimits {
  /** Levels of nested fields: `{ case { item { name } } }` is 3 deep. */
  maxDepth: number;
  /** Fields the gateway would resolve, each multiplied by the sizes of the lists around it. */
  maxCost: number;
  /** Selections of one response name in one selection set (after fragments): the same field asked for again and again. */
  maxRepeats: number;
  /** Aliased fields in the operation: an alias is how one field is asked for a thousand times. */
  maxAliases: number;
  /** How many items a list field is counted as when its size argument does not say. */
  defaultListSize: number;
}

/** Arguments that bound a list's length, first match wins. */
const SIZE_ARGUMENTS = ["first", "last", "limit"];

export interface QueryMeasure {
  depth: number;
  cost: number;
  repeats: number;
  aliases: number;
}

class LimitExceeded extends Error {
  constructor(readonly error: GraphQLError) {
    super(error.message);
  }
}

const refusal = (code: string, message: string, extensions: Record<string, unknown>) =>
  new LimitExceeded(new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } }));

function returnsList(type: GraphQLOutputType | undefined): boolean {
  let current = type;
  if (current && isNonNullType(current)) current = current.ofType;
  return current !== undefined && isListType(current);
}

function integerValue(node: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === "number" && Number.isInteger(value) ? value : undefined;
  }
  return undefined;
}

/**
 * The size a list field asks for: its size argument (a literal or a variable), else that
 * argument's default in the schema.
 */
function requestedSize(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, variables: Record<string, unknown>): number | undefined {
  for (const name of SIZE_ARGUMENTS) {
    const given = field.arguments?.find((argument) => argument.name.value === name);
    const value = given ? integerValue(given.value, variables) : undefined;
    if (value !== undefined) return Math.max(0, value);
    const fallback = definition?.args.find((argument) => argument.name === name)?.defaultValue;
    if (typeof fallback === "number") return fallback;
  }
  return undefined;
}

/** A field as collected into a selection set, with the fragments it was reached through. */
interface CollectedField {
  node: FieldNode;
  parent: GraphQLCompositeType | undefined;
  fragmentPath: ReadonlySet<string>;
}

/**
 * Measures an operation before it is validated or planned, so a hostile document costs the
 * gateway one walk of its own size: fragments are followed where they are spread (a cycle is
 * left to validation to name), every field counts once per item of the lists around it, and the
 * walk stops as soon as a limit is passed, so fragments that multiply one another stop early.
 */
export function checkQueryLimits(
  document: DocumentNode,
  limits: QueryLimits,
  schema: GraphQLSchema | undefined,
  variables: Record<string, unknown> = {},
): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measure: QueryMeasure = { depth: 0, cost: 0, repeats: 0, aliases: 0 };
  /** Fragments spread from an operation; the others are measured on their own. */
  const reached = new Set<string>();
  /** The variables as the operation being walked sees them: given values over its own defaults. */
  let activeVariables = variables;

  const typeNamed = (name: string | undefined): GraphQLCompositeType | undefined => {
    const type = name ? schema?.getType(name) : undefined;
    return type && isCompositeType(type) ? type : undefined;
  };
  const fieldOf = (parent: GraphQLCompositeType | undefined, name: string) =>
    parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;

  /** Every field of one selection set, through inline fragments and spreads, by response name. */
  function collect(selectionSet: SelectionSetNode, parent: GraphQLCompositeType | undefined, fragmentPath: ReadonlySet<string>, into: Map<string, CollectedField[]>): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias && ++measure.aliases > limits.maxAliases) {
          throw refusal(GatewayErrorCode.QueryTooComplex, `Query too complex: more than ${limits.maxAliases} aliased fields`, { maxAliases: limits.maxAliases });
        }
        const key = selection.alias?.value ?? selection.name.value;
        const list = into.get(key) ?? [];
        list.push({ node: selection, parent, fragmentPath });
        into.set(key, list);
        measure.repeats = Math.max(measure.repeats, list.length);
        if (list.length > limits.maxRepeats) {
          throw refusal(GatewayErrorCode.QueryTooComplex, `Query too complex: it asks for "${key}" ${list.length} times in one selection (at most ${limits.maxRepeats})`, {
            field: key,
            maxRepeats: limits.maxRepeats,
          });
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, typeNamed(selection.typeCondition?.name.value) ?? parent, fragmentPath, into);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Unknown fragments and cycles are validation's to name; here they add nothing.
        if (!fragment || fragmentPath.has(name)) continue;
        reached.add(name);
        collect(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value) ?? parent, new Set([...fragmentPath, name]), into);
      }
    }
  }

  function walk(
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    fragmentPath: ReadonlySet<string>,
    level: { depth: number; multiplier: number; inheritedSize: number | undefined },
  ): void {
    const fields = new Map<string, CollectedField[]>();
    collect(selectionSet, parent, fragmentPath, fields);
    if (fields.size === 0) return;
    if (level.depth > limits.maxDepth) {
      throw refusal(GatewayErrorCode.QueryTooDeep, `Query too deep: more than ${limits.maxDepth} levels of fields`, { maxDepth: limits.maxDepth });
    }
    measure.depth = Math.max(measure.depth, level.depth);
    for (const collected of fields.values()) {
      for (const { node, parent: owner, fragmentPath: path } of collected) {
        measure.cost += level.multiplier;
        if (measure.cost > limits.maxCost) {
          throw refusal(GatewayErrorCode.QueryTooComplex, `Query too complex: its cost passes ${limits.maxCost}`, { maxCost: limits.maxCost });
        }
        if (!node.selectionSet) continue;
        const definition = fieldOf(owner, node.name.value);
        const asked = requestedSize(node, definition, activeVariables);
        const isList = returnsList(definition?.type);
        // A connection (`searchItems(first: 20) { edges { node } }`) passes its size to the lists inside it.
        const itemCount = isList ? Math.max(1, asked ?? level.inheritedSize ?? limits.defaultListSize) : 1;
        const child = definition ? getNamedType(definition.type) : undefined;
        walk(node.selectionSet, child && isCompositeType(child) ? child : undefined, path, {
          depth: level.depth + 1,
          multiplier: level.multiplier * itemCount,
          inheritedSize: isList ? undefined : asked,
        });
      }
    }
  }

  try {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const root =
        definition.operation === "mutation" ? schema?.getMutationType() : definition.operation === "subscription" ? schema?.getSubscriptionType() : schema?.getQueryType();
      const defaults = (definition.variableDefinitions ?? []).flatMap((variable) => {
        const value = variable.defaultValue ? integerValue(variable.defaultValue, {}) : undefined;
        return value === undefined ? [] : [[variable.variable.name.value, value] as const];
      });
      activeVariables = { ...Object.fromEntries(defaults), ...variables };
      walk(definition.selectionSet, root ?? undefined, new Set(), { depth: 1, multiplier: 1, inheritedSize: undefined });
    }
    // Validation looks at every fragment, spread or not, so those nobody spreads are measured too.
    for (const [name, fragment] of fragments) {
      if (!reached.has(name)) {
        activeVariables = variables;
        walk(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value), new Set([name]), { depth: 1, multiplier: 1, inheritedSize: undefined });
      }
    }
  } catch (error) {
    if (error instanceof LimitExceeded) throw error.error;
    throw error;
  }
  return measure;
}
