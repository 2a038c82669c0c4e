import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Api, type ErrorBody, type ErrorCode, httpStatusOf } from '@leadloop/shared';
import { requestIdFor, SECURITY_HEADERS } from '../../core/request-context';
import { formatIssues } from '../../core/route';
import { SessionService } from '../identity/session.service';
import { EventsService } from './events.service';

const PATH = `/api${Api.ingestEvents.path}`;
const BODY_LIMIT = 256 * 1024;

/**
 * `POST /api/events` served straight from Node's HTTP server, ahead of Express and Nest: it is
 * the hottest route, and their per-request machinery cost more than the work itself (see
 * docs/PERFORMANCE.md). It keeps the route's contract: same body schema, same error shape and
 * codes, request ids, optional session, body limit. Answers false for any other request.
 */
export function eventsFastPath(app: INestApplication): (req: IncomingMessage, res: ServerResponse) => boolean {
  const events = app.get(EventsService);
  const sessions = app.get(SessionService);
  const logger = new Logger('EventsFastPath');

  const send = (res: ServerResponse, status: number, body: unknown): void => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, requestId: string, code: ErrorCode, message: string, details?: unknown): void => {
    const body: ErrorBody = { code, message, requestId };
    if (details !== undefined) body.details = details;
    send(res, httpStatusOf(code), body);
  };

  return (req, res) => {
    if (req.method !== 'POST' || (req.url !== PATH && !req.url?.startsWith(`${PATH}?`))) return false;
    const requestId = requestIdFor(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);

    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooLarge) return fail(res, requestId, 'PAYLOAD_TOO_LARGE', 'Request body rejected');
      if (!/^application\/json/i.test(req.headers['content-type'] ?? '')) {
        return fail(res, requestId, 'VALIDATION_FAILED', 'Request body must be JSON');
      }
      let json: unknown;
      try {
        json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return fail(res, requestId, 'VALIDATION_FAILED', 'Request body is not valid JSON');
      }
      const body = Api.ingestEvents.body.safeParse(json);
      if (!body.success) return fail(res, requestId, 'VALIDATION_FAILED', 'Request body is invalid', { fields: formatIssues(body.error) });
      // a public route: a valid session names the person, anything else is anonymous
      let personId: string | null = null;
      const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (auth) {
        try {
          personId = sessions.verify(auth[1]).sub;
        } catch {
          personId = null;
        }
      }
      const purpose = `${req.headers.purpose ?? ''} ${req.headers['sec-purpose'] ?? ''}`;
      events
        .ingest({ personId, userAgent: req.headers['user-agent'], prefetch: /prefetch/i.test(purpose) }, body.data.events)
        .then((result) => send(res, 200, result))
        .catch((error: unknown) => {
          logger.error(`[${requestId}] event ingest failed: ${(error as Error).message}`, (error as Error).stack);
          fail(res, requestId, 'INTERNAL', 'Something went wrong on our side');
        });
    });
    return true;
  };
}
