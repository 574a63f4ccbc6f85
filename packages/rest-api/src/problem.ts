/**
 * How it works: every failure, ours or Fastify's, is turned into one {@link ProblemError} by
 * {@link toProblem} and sent as `application/problem+json` (RFC 9457). Fastify's own errors are
 * mapped by their code: a body it cannot parse is 400, too large 413, an unknown media type 415,
 * a body that breaks the schema 422 (the JSON was fine, its content was not), a malformed id 404.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError, PayloadTooLargeError, ProblemError, UnsupportedMediaTypeError, ValidationProblemError } from './errors.js';

interface AjvError {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function pointerOf(error: AjvError): string {
  const property = error.params.missingProperty ?? error.params.additionalProperty;
  return typeof property === 'string' ? `${error.instancePath}/${property}` : error.instancePath || '/';
}

/** Any error to the problem it becomes. */
export function toProblem(error: FastifyError | ProblemError | Error, request: FastifyRequest, bodyLimit: number): ProblemError {
  if (error instanceof ProblemError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const errors = (fastifyError.validation as AjvError[]).map((e) => ({ pointer: pointerOf(e), detail: e.message ?? 'is invalid' }));
    if (fastifyError.validationContext === 'body') return new ValidationProblemError(errors);
    if (fastifyError.validationContext === 'params') return new ProblemError(404, 'Not Found', `nothing at ${request.url}`);
    return new BadRequestError(`invalid ${fastifyError.validationContext ?? 'request'}: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}`);
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError(bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError(request.headers['content-type'] ?? '', 'application/json');
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) return new BadRequestError(fastifyError.message);
  return new ProblemError(500, 'Internal Server Error', 'something went wrong on our side');
}

/** Sends a problem with its headers. */
export function sendProblem(reply: FastifyReply, problem: ProblemError, instance: string): FastifyReply {
  const body: Record<string, unknown> = { type: problem.type, title: problem.title, status: problem.status, detail: problem.message, instance };
  if (problem.errors) body.errors = problem.errors;
  return reply.code(problem.status).headers(problem.headers).type('application/problem+json').send(body);
}
