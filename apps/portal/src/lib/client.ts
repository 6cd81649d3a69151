import { cacheExchange, Client, fetchExchange } from "urql";
import { currentAccessToken } from "./session";
import { refetchReadsOverlappingMutations } from "./stale-reads";

export const CENTER_CODE: string = import.meta.env.VITE_CENTER_CODE ?? "511722000000";

/**
 * POST with a JSON body: the gateway's CSRF prevention refuses simple GETs. The access token is
 * read from memory for each request; a new client is made whenever someone signs in or out, so
 * nothing one person fetched is answered from the cache to another.
 */
export function makeClient(): Client {
  return new Client({
    url: "/graphql",
    exchanges: [cacheExchange, refetchReadsOverlappingMutations, fetchExchange],
    preferGetMethod: false,
    requestPolicy: "cache-first",
    fetchOptions: () => {
      const token = currentAccessToken();
      return token ? { headers: { authorization: `Bearer ${token}` } } : {};
    },
  });
}
