import { z } from "zod";

/**
 * A stream groups the events one service owns. Subjects are `<namespace>.<prefix>.<...>`
 * so that development, test runs and production can share one NATS server without
 * their streams overlapping.
 */
export interface StreamDefinition {
  readonly name: string;
  readonly subjectPrefix: string;
}

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  /** Subject without the namespace, e.g. `cases.case.accepted`. */
  readonly subject: string;
  readonly stream: StreamDefinition;
  readonly schema: S;
}

export type EventPayload<E extends EventDefinition> = z.infer<E["schema"]>;

export function defineStream(name: string, subjectPrefix: string): StreamDefinition {
  return { name, subjectPrefix };
}

export function defineEvent<S extends z.ZodType>(
  stream: StreamDefinition,
  name: string,
  schema: S,
): EventDefinition<S> {
  return { subject: `${stream.subjectPrefix}.${name}`, stream, schema };
}

/** What travels on the wire around every payload. */
export const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  occurredAt: z.string(),
  requestId: z.string().nullable(),
  centerCode: z.string().nullable(),
  /**
   * The W3C trace context of the request that committed the event (its trace id is the request
   * id): a consumer's span continues that trace. Absent in events written before it existed.
   */
  traceparent: z.string().max(100).nullable().optional(),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const centerCode = z.string().regex(/^\d{12}$/, "a 12-digit administrative-division code");
