import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context";
import { GatewayErrorCode } from "../errors";
import { mutationFields } from "./audit.rules";
import type { AuditLog } from "./audit.service";

/**
 * Records every mutation the gateway resolved, whatever its outcome, before the answer leaves:
 * once the caller has the answer, the entry is in the log. Documents refused before an
 * operation was resolved (syntax, limits, validation) executed nothing and are not entries.
 */
export function auditPlugin(audit: AuditLog): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, document, request, response, contextValue }) {
          if (operation?.operation !== "mutation" || !document) return;
          const result = response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
          const errorCodes = (result.errors ?? []).map((error) => String(error.extensions?.code ?? GatewayErrorCode.Internal));
          await audit.record({
            requestId: contextValue.requestId,
            identity: contextValue.identity,
            operationName: operation.name?.value ?? null,
            fields: mutationFields(document, operation, request.variables ?? {}),
            client: contextValue.client,
            errorCodes,
            touchedCenters: [...contextValue.touchedCenters],
          });
        },
      };
    },
  };
}
