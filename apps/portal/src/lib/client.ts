import { cacheExchange, Client, fetchExchange } from "urql";

export const CENTER_CODE: string = import.meta.env.VITE_CENTER_CODE ?? "511722000000";

// POST with a JSON body: the gateway's CSRF prevention refuses simple GETs.
export const client = new Client({
  url: "/graphql",
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
  requestPolicy: "cache-first",
});
