import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createParamDecorator, type ExecutionContext, Logger, SetMetadata } from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';
import type { ApiRoute } from '@leadloop/shared';
import type { z } from 'zod';
import { AppError } from './app-error';
import { errorResponse, retryAfterOf } from './error.filter';
import type { LimitContext } from './rate-limits';
import { requestIdFor, SECURITY_HEADERS, withRequestId } from './request-context';
import { type AuthContext, type AuthedRequest, authorize, formatIssues, ROUTE_META } from './route';

const BODY_LIMIT = 256 * 1024;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface DirectCall<R extends ApiRoute> {
  /** The caller; on a `person` or staff route always there. */
  auth: R['access'] extends 'public' ? AuthContext | null : AuthContext;
  params: Record<string, string>;
  body: Infer<R['body']>;
  headers: IncomingHttpHeaders;
}

export interface DirectRoute {
  route: ApiRoute;
  handle(call: DirectCall<ApiRoute>): Promise<unknown>;
}

export const DIRECT_META = 'leadloop:direct';

/**
 * Marks a controller method (next to its `@Route(Api.x)`) as also served straight from Node's
 * HTTP server by `startApp`, ahead of Express and Nest. The method takes one `@Call()` argument,
 * so both ways hand it the same thing; without `startApp`'s fast path Nest serves it as usual.
 */
export function Direct(): MethodDecorator {
  return SetMetadata(DIRECT_META, true);
}

/** The one argument of a `@Direct()` method: caller, path parameters, checked body, headers. */
export const Call = createParamDecorator((_: unknown, ctx: ExecutionContext): DirectCall<ApiRoute> => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return { auth: (req.auth ?? null) as AuthContext, params: req.params as Record<string, string>, body: req.body, headers: req.headers };
});

/** Binds a hot route of the contract table to its handler, served by `directRoutes`. */
export function directRoute<R extends ApiRoute>(route: R, handle: (call: DirectCall<R>) => Promise<Infer<R['response']>>): DirectRoute {
  if (route.files || route.query) throw new Error(`${route.path}: a direct route takes a JSON body only`);
  return { route, handle: handle as DirectRoute['handle'] };
}

/** Every `@Direct()` controller method of the app, bound to its controller, found by reflection at start. */
export function discoverDirectRoutes(modules: ModulesContainer): DirectRoute[] {
  const found: DirectRoute[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[name];
        if (name === 'constructor' || typeof method !== 'function' || !Reflect.getMetadata(DIRECT_META, method)) continue;
        const route = Reflect.getMetadata(ROUTE_META, method) as ApiRoute | undefined;
        if (!route) throw new Error(`${wrapper.name}.${name}: @Direct() needs its @Route(Api.…)`);
        found.push(directRoute(route, (call) => (method as (call: DirectCall<ApiRoute>) => Promise<never>).call(instance, call)));
      }
    }
  }
  return found;
}

export interface DirectRouteOptions {
  /** The session check every other route passes (the AuthGuard's), for `authorize`. */
  authenticate(token: string): Promise<AuthContext>;
  /** Check responses against the contract (outside production, as the ContractInterceptor does). */
  checkResponses: boolean;
  /** The route's rate limits (the AuthGuard's, after access). */
  limit(route: ApiRoute, context: LimitContext): Promise<void>;
  /** The client's address (behind the trusted proxies). */
  address(req: IncomingMessage): string;
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
      const retryAfter = retryAfterOf(error);
      if (retryAfter !== null) res.setHeader('Retry-After', String(retryAfter));
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
          // in Nest's order: the JSON parser (a middleware), then access (the guard), then the contract (the interceptor)
          const json = readJson(req.headers['content-type'], size, chunks);
          const auth = await authorize(route, req.headers.authorization, options.authenticate);
          await options.limit(route, { address: options.address(req), auth, body: json });
          const body = validBody(route, json);
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

/** The body as Express's JSON parser would give it (an empty body is `{}`). */
function readJson(contentType: string | undefined, size: number, chunks: Buffer[]): unknown {
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
  return json;
}

/** The body checked against the contract, as the ContractInterceptor checks it. */
function validBody(route: ApiRoute, json: unknown): unknown {
  if (!route.body) return undefined;
  const parsed = route.body.safeParse(json);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Request body is invalid', { fields: formatIssues(parsed.error) });
  return parsed.data;
}
