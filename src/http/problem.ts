/**
 * The one error table: domain errors and request validation errors become
 * application/problem+json (RFC 9457) naming the offending field; anything else is a 500
 * with a generic message and the request id, never the internal message.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  ConflictError, InputError, KeelError, NotAllowedError, NotFoundError, UnauthenticatedError, type Issue,
} from '../domain/errors.ts';

const STATUS: { type: abstract new (...args: never[]) => KeelError; status: number; title: string }[] = [
  { type: InputError, status: 400, title: 'Invalid input' },
  { type: UnauthenticatedError, status: 401, title: 'Not signed in' },
  { type: NotAllowedError, status: 403, title: 'Not allowed' },
  { type: NotFoundError, status: 404, title: 'Not found' },
  { type: ConflictError, status: 409, title: 'Conflict' },
];

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Issue[];
  requestId?: string;
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

function problem(status: number, title: string, code: string, detail: string, errors?: Issue[]): ProblemBody {
  return { type: `https://keel.dev/problems/${code}`, title, status, detail, code, ...(errors?.length ? { errors } : {}) };
}

export function toProblem(err: unknown, request: FastifyRequest): ProblemBody {
  if (err instanceof KeelError) {
    const entry = STATUS.find((s) => err instanceof s.type);
    if (entry) return problem(entry.status, entry.title, err.code, err.message, err.issues);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const issues: Issue[] = err.validation.map((v) => {
      const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      return { field: path ? `${where === 'body' ? '' : `${where}.`}${path}` : where, message: v.message ?? 'is invalid' };
    });
    const first = issues[0];
    return problem(400, 'Invalid input', 'invalid_input', first ? `${first.field}: ${first.message}` : 'The request is invalid', issues);
  }
  const fe = err as FastifyError;
  if (fe.statusCode === 429) return problem(429, 'Too many requests', 'rate_limited', fe.message);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own client errors: bad JSON, body too large, unsupported media type.
    return problem(fe.statusCode, 'Bad request', fe.code?.toLowerCase() ?? 'bad_request', fe.message);
  }
  request.log.error({ err }, 'unhandled error');
  return {
    ...problem(500, 'Internal error', 'internal', `Something went wrong on our side. Quote request id ${request.id} when you report it.`),
    requestId: String(request.id),
  };
}
