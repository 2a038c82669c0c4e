import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorBody, ErrorCode } from '@leadloop/shared';
import { isDatabaseUnavailable } from '../database/data-source';
import { AppError } from './app-error';

/** Maps any thrown error to `{ code, message, details?, requestId }`; internals stay in the log. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { requestId?: string }>();
    const res = http.getResponse<Response>();
    const requestId = req.requestId ?? '-';
    const { status, body } = errorResponse(exception, requestId);
    const retryAfter = retryAfterOf(exception);
    if (retryAfter !== null && !res.headersSent) res.setHeader('Retry-After', String(retryAfter));
    if (status >= 500) {
      this.logger.error(
        `${req.method} ${req.path} failed: ${exception instanceof Error ? exception.message : String(exception)}`,
        exception instanceof Error && !(exception instanceof AppError) ? exception.stack : undefined,
      );
    }
    if (!res.headersSent) res.status(status).json(body);
  }
}

/** The status and `{ code, message, details?, requestId }` any thrown error answers with. */
export function errorResponse(exception: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (exception instanceof AppError) {
    const body: ErrorBody = { code: exception.code, message: exception.message, requestId };
    if (exception.details !== undefined) body.details = exception.details;
    return { status: exception.status, body };
  }
  // body-parser errors carry a status and a type; Nest's Express adapter hands them over wrapped in an HttpException
  const parserError = (exception instanceof HttpException ? exception.cause : exception) as { status?: number; type?: string } | undefined;
  if (typeof parserError?.status === 'number' && typeof parserError.type === 'string') {
    const status = parserError.status;
    // the parser's own message (e.g. `Unexpected end of JSON input`) stays out of the answer, as on the direct routes
    const message = parserError.type === 'entity.parse.failed' ? 'Request body is not valid JSON' : 'Request body rejected';
    return { status, body: { code: codeForStatus(status), message, requestId } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { status, body: { code: codeForStatus(status), message: messageFor(exception), requestId } };
  }
  if (isDatabaseUnavailable(exception)) {
    return { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: 'The service is briefly unavailable; try again shortly', requestId } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side', requestId } };
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}

function messageFor(exception: HttpException): string {
  const status = exception.getStatus();
  if (status === 404) return 'No such route';
  return status >= 500 ? 'Something went wrong on our side' : exception.message;
}

/** Seconds a refused client should wait (`Retry-After`), when the error says. */
export function retryAfterOf(exception: unknown): number | null {
  const seconds = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : null;
}
