import 'server-only';
import { headers } from 'next/headers';
import { z } from 'zod';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { failureOf, invalidInput, SESSION_ENDED } from '@/lib/platform/errors/failure';
import { isSameOrigin } from '@/lib/platform/http/is-same-origin';
import { CROSS_SITE_REFUSAL, jsonError, readJsonBody } from '@/lib/platform/http/json-body';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { getCurrentStaff } from '@/lib/staff/auth/current-staff';
import { audit, isAllowed, NO_PERMISSION, type AuditRule, type StaffCallRules } from './staff-call';

/** An id in the address: a positive whole number, or the thing does not exist. */
export const idParam = z.coerce.number().int().positive();

/** Where the handler's input comes from: a JSON body of at most `maxBytes`, or the query string. */
export type EndpointInput<Schema extends z.ZodType> = { body: Schema; maxBytes: number; tooLarge?: string } | { query: Schema };

export type StaffEndpointSpec<Schema extends z.ZodType, ParamsSchema extends z.ZodType> = StaffCallRules & {
  /** The address's dynamic segments; one that does not fit answers 404. */
  params?: ParamsSchema;
  input?: EndpointInput<Schema>;
  audit: AuditRule<z.output<Schema>, Response>;
  run(call: { staff: StaffIdentity; input: z.output<Schema>; params: z.output<ParamsSchema>; request: Request }): Response | Promise<Response>;
};

export type StaffEndpoint = (request?: Request, context?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/**
 * The one way to write a desk route handler: a request from another site is refused, then the caller
 * must be signed-in staff (401) whose role may attempt it (403); the input is read and validated (400),
 * and failures become JSON with a status from one vocabulary (`failureOf`).
 */
export function staffEndpoint<Schema extends z.ZodType = z.ZodUnknown, ParamsSchema extends z.ZodType = z.ZodObject<Record<string, never>>>(
  spec: StaffEndpointSpec<Schema, ParamsSchema>,
): StaffEndpoint {
  return async (request, context) => {
    if (!isSameOrigin(request?.headers ?? (await requestHeaders()))) return jsonError(403, CROSS_SITE_REFUSAL);
    const staff = await getCurrentStaff();
    if (!staff) return jsonError(401, spec.refusals?.signedOut ?? SESSION_ENDED);
    if (!isAllowed(staff, spec)) return jsonError(403, spec.refusals?.forbidden ?? NO_PERMISSION);
    try {
      const read = await readInput(spec.input, request);
      if (!read.ok) return read.response;
      const params = (spec.params ?? z.object({})).safeParse((await context?.params) ?? {});
      if (!params.success) throw new NotFoundError();
      const response = await spec.run({ staff, input: read.value as z.output<Schema>, params: params.data as z.output<ParamsSchema>, request: request ?? new Request('http://localhost/') });
      if (response.ok) audit(spec.audit, { staff, input: read.value as z.output<Schema>, result: response });
      return response;
    } catch (error) {
      const failure = failureOf(error, { context: spec.name });
      return jsonError(failure.status, failure.error, failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {});
    }
  };
}

async function readInput(input: EndpointInput<z.ZodType> | undefined, request: Request | undefined): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (!input) return { ok: true, value: undefined };
  let sent: unknown;
  if ('query' in input) {
    sent = Object.fromEntries(new URL(request?.url ?? 'http://localhost/').searchParams);
  } else {
    if (!request) return { ok: false, response: jsonError(400, 'Send the request as JSON.') };
    const body = await readJsonBody(request, { maxBytes: input.maxBytes, tooLarge: input.tooLarge });
    if (!body.ok) return body;
    sent = body.value;
  }
  const schema = 'query' in input ? input.query : input.body;
  const parsed = schema.safeParse(sent);
  if (parsed.success) return { ok: true, value: parsed.data };
  const failure = invalidInput(parsed.error);
  return { ok: false, response: jsonError(400, failure.error, { fieldErrors: failure.fieldErrors }) };
}

/** The request's headers; empty when a handler is called outside a request (a test or a script), where no browser can be tricked. */
async function requestHeaders(): Promise<Pick<Headers, 'get'>> {
  try {
    return await headers();
  } catch {
    return new Headers();
  }
}
