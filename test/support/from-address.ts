import { request } from "node:http";
import type { GraphqlResponse } from "@onestop/testkit";

/**
 * Posts one GraphQL operation from another loopback address (127.0.0.2, 127.0.0.3 …): the
 * gateway sees another client, as it would another machine.
 */
export function graphqlFrom<T = Record<string, unknown>>(localAddress: string, url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: "POST", localAddress, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ...(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Omit<GraphqlResponse<T>, "status">) }));
    });
    sent.on("error", reject);
    sent.end(body);
  });
}
