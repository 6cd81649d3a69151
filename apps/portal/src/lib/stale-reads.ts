import { makeOperation, mapExchange, type Exchange } from "@urql/core";

/**
 * Sits between the document cache and the network. After a mutation the cache asks again for the
 * queries it holds answers of, but not for one whose answer is still on its way: that read may
 * have happened before the change, and its answer would then stay on screen (a window just
 * closed still shown open). A query sent before a mutation was answered and answered after it is
 * therefore asked again from the network, once; the later answer replaces the earlier.
 */
export const refetchReadsOverlappingMutations: Exchange = (input) => {
  let mutationsAnswered = 0;
  const sentWhen = new Map<number, number>();
  return mapExchange({
    onOperation(operation) {
      if (operation.kind === "query") sentWhen.set(operation.key, mutationsAnswered);
      else if (operation.kind === "teardown") sentWhen.delete(operation.key);
    },
    onResult(result) {
      const { operation } = result;
      if (operation.kind === "mutation") {
        mutationsAnswered += 1;
        return;
      }
      if (operation.kind !== "query") return;
      // The latest send of the query counts: an earlier answer is replaced by the later one anyway.
      const sent = sentWhen.get(operation.key);
      if (sent !== undefined && sent < mutationsAnswered) {
        input.client.reexecuteOperation(makeOperation("query", operation, { ...operation.context, requestPolicy: "network-only" }));
      }
    },
  })(input);
};
