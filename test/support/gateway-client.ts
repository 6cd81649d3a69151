import { eventually, graphql, type GraphqlResponse } from "@onestop/testkit";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>;

/** The code of an answer's first error, if it has one. */
export const code = (result: GraphqlResponse<unknown>) => result.errors?.[0]?.extensions?.code;

/**
 * What an end-to-end test does through the gateway, bound to the gateway of its running system
 * (given as a function: the system starts after the helpers are made).
 */
export function gatewayClient(gatewayUrl: () => string) {
  const gql = (token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<Data>> =>
    graphql<Data>(gatewayUrl(), query, variables, { token });

  /** The answer's data; its errors fail the test. */
  const data = async (token: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> => {
    const result = await gql(token, query, variables);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };

  /** Retries while another service's event has not arrived yet (the answer is one of `waiting`'s codes). */
  const once = async (waiting: string[], attempt: () => Promise<GraphqlResponse<Data>>): Promise<Data> => {
    const result = await eventually(async () => {
      const r = await attempt();
      return waiting.includes(String(code(r))) ? null : r;
    }, 20_000);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };

  return { gql, data, once };
}
