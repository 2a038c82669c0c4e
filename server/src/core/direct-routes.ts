import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import type { ApiRoute } from '@leadloop/shared';
import type { z } from 'zod';
import { AppError } from './app-error';
import { errorResponse } from './error.filter';
import { requestIdFor, SECURITY_HEADERS, withRequestId } from './request-context';
import { type AuthContext, bearerToken, formatIssues } from './route';

const BODY_LIMIT = 256 * 1024;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface DirectCall<R extends ApiRoute> {
  /** The caller; on a `person` route always there. */
  auth: R['access'] extends 'public' ? AuthContext | null : AuthContext;
  params: Record<string, string>;
  body: Infer<R['body']>;
  headers: IncomingHttpHeaders;
}

export interface DirectRoute {
  route: ApiRoute;
  handle(call: DirectCall<ApiRoute>): Promise<unknown>;
}

/** Binds a hot route of the contract table to its handler, served by `directRoutes`. */
export function directRoute<R extends ApiRoute>(route: R, handle: (call: DirectCall<R>) => Promise<Infer<R['response']>>): DirectRoute {
  if (route.access !== 'public' && route.access !== 'person') throw new Error(`${route.path}: a direct route is for public or person routes`);
  if (route.files || route.query) throw new Error(`${route.path}: a direct route takes a JSON body only`);
  return { route, handle: handle as DirectRoute['handle'] };
}

export interface DirectRouteOptions {
  /** The session check every other route passes (the AuthGuard's). */
  authenticate(token: string): Promise<AuthContext>;
  /** Check responses against the contract (outside production, as the ContractInterceptor does). */
  checkResponses: boolean;
}

/**
 * The hottest routes, served straight from Node's HTTP server ahead of Express and Nest, whose
 * per-request machinery costs more than these routes' own work (docs/PERFORMANCE.md). A direct
 * route keeps everything its contract says: path and method, body schema, access (through the
 * same session check), status, error shape and codes, request ids, security headers and the
 * body limit. Answers false for any other request, which then goes to Express.
 */
export function directRoutes(routes: DirectRoute[], options: DirectRouteOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const logger = new Logger('DirectRoutes');
  const table = routes.map((r) => ({ ...r, pattern: pathPattern(r.route.path), names: [...r.route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]) }));

  const send = (res: ServerResponse, status: number, body: unknown): void => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  };

  return (req, res) => {
    const path = req.url?.split('?', 1)[0] ?? '';
    const found = matchRoute(table, req.method, path);
    if (!found) return false;
    const { entry, values } = found;
    const requestId = requestIdFor(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    const fail = (error: unknown): void => {
      const { status, body } = errorResponse(error, requestId);
      if (status >= 500) logger.error(`[${requestId}] ${req.method} ${path} failed: ${(error as Error)?.message}`, (error as Error)?.stack);
      send(res, status, body);
    };

    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      withRequestId(requestId, () => {
        const call = (async () => {
          const { route } = entry;
          const params = Object.fromEntries(entry.names.map((name, i) => [name, decodeParam(values[i])]));
          const body = parseBody(route, req.headers['content-type'], size, chunks);
          const auth = await authenticate(route, req.headers.authorization, options);
          const result = await entry.handle({ auth: auth as AuthContext, params, body, headers: req.headers });
          if (options.checkResponses) {
            const checked = route.response.safeParse(result);
            if (!checked.success) throw new Error(`Response of ${route.method} ${route.path} breaks its contract: ${checked.error.message}`);
          }
          send(res, route.status ?? 200, result);
        })();
        call.catch(fail);
      });
    });
    return true;
  };
}

function matchRoute<T extends { route: ApiRoute; pattern: RegExp }>(table: T[], method: string | undefined, path: string): { entry: T; values: string[] } | null {
  for (const entry of table) {
    const match = entry.route.method === method ? entry.pattern.exec(path) : null;
    if (match) return { entry, values: match.slice(1) };
  }
  return null;
}

/** `/live/{id}/signups` → /^\/api\/live\/([^/]+)\/signups$/ */
function pathPattern(path: string): RegExp {
  const source = path
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('([^/]+)');
  return new RegExp(`^/api${source}$`);
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new AppError('NOT_FOUND', 'No such route');
  }
}

/** The body as Express's JSON parser would give it (an empty body is `{}`), checked against the contract. */
function parseBody(route: ApiRoute, contentType: string | undefined, size: number, chunks: Buffer[]): unknown {
  if (size > BODY_LIMIT) throw new AppError('PAYLOAD_TOO_LARGE', 'Request body rejected');
  let json: unknown = {};
  if (size > 0) {
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '')) throw new AppError('VALIDATION_FAILED', 'Request body must be JSON');
    try {
      json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new AppError('VALIDATION_FAILED', 'Request body is not valid JSON');
    }
  }
  if (!route.body) return undefined;
  const parsed = route.body.safeParse(json);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Request body is invalid', { fields: formatIssues(parsed.error) });
  return parsed.data;
}

/** As the AuthGuard decides: a person route needs a valid session; a public one takes it when valid. */
async function authenticate(route: ApiRoute, header: string | undefined, options: DirectRouteOptions): Promise<AuthContext | null> {
  const token = bearerToken(header);
  if (route.access === 'public') return token ? options.authenticate(token).catch(() => null) : null;
  if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return options.authenticate(token);
}
