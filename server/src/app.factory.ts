import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { ModulesContainer, NestFactory, Reflector } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { ErrorFilter } from './core/error.filter';
import { AppLogger } from './core/logger';
import { clientAddress, RateLimits } from './core/rate-limits';
import { requestContextMiddleware, SECURITY_HEADERS } from './core/request-context';
import { directRoutes, discoverDirectRoutes } from './core/direct-routes';
import { ContractInterceptor } from './core/route';
import { ServerUrl } from './core/server-url';
import { AuthGuard } from './modules/identity/auth.guard';

export interface RunningApp {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/** Builds the whole server: API under /api, sandbox under /sandbox, the H5 build at /. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), new ExpressAdapter(), {
    logger: new AppLogger(config.log.format, config.log.level),
    rawBody: true,
    bodyParser: false,
  });
  // req.ip: the client behind the TRUST_PROXY hops, as `clientAddress` reads it for the direct routes
  app.set('trust proxy', config.trustProxyHops);
  app.disable('x-powered-by');
  app.use(requestContextMiddleware);
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: '256kb' });
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalInterceptors(new ContractInterceptor(app.get(Reflector), config.env !== 'production'));
  if (existsSync(join(config.h5Dir, 'index.html'))) {
    app.useStaticAssets(config.h5Dir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml });
  }
  app.enableShutdownHooks();
  return app;
}

/**
 * Creates the app and listens. Node's HTTP server answers the hottest routes itself (the
 * controller methods marked `@Direct()`: event ingest, sign-up) and hands every other request to
 * Express/Nest. With the sandbox on, WeChat calls go to this same server (`ServerUrl`).
 */
export async function startApp(config: AppConfig): Promise<RunningApp> {
  const app = await createApp(config);
  await app.init();
  const direct = directRoutes(discoverDirectRoutes(app.get(ModulesContainer)), {
    authenticate: (token) => app.get(AuthGuard).authenticate(token),
    checkResponses: config.env !== 'production',
    limit: (route, context) => app.get(RateLimits).check(route, context),
    address: (req) => clientAddress(req.headers, req.socket.remoteAddress, config.trustProxyHops),
  });
  // Nest's own server: its request listener is Express; the direct routes go first
  const server = app.getHttpServer() as Server;
  const express = app.getHttpAdapter().getInstance() as (req: IncomingMessage, res: ServerResponse) => void;
  server.removeAllListeners('request');
  const firstHeaders = limitConnections(server, config);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    firstHeaders.arrived(req.socket);
    if (config.role === 'worker' && !workerServes(req)) return refuseOnWorker(res);
    if (!direct(req, res)) express(req, res);
  });
  await app.listen(config.port, config.host);
  return {
    app,
    url: app.get(ServerUrl).value,
    close: async () => {
      server.closeAllConnections();
      await app.close();
    },
  };
}

/** A worker answers only its health check (and, in development, the WeChat sandbox it may stand in for). */
function workerServes(req: IncomingMessage): boolean {
  const path = req.url?.split('?', 1)[0] ?? '';
  return path === '/api/health' || path.startsWith('/sandbox/');
}

function refuseOnWorker(res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ code: 'NOT_FOUND', message: 'This instance runs background work only', requestId: '-' }));
}

/**
 * Deliberate connection limits (`config.http`): Node's header and request timeouts and the
 * keep-alive timeout; a connection that has not sent its first request's headers within the
 * header timeout is closed at that moment (Node's own check runs only every 30 s); and, when
 * clients connect directly (no trusted proxy), at most so many connections per address.
 */
function limitConnections(server: Server, config: AppConfig): { arrived(socket: Socket): void } {
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxSocketsPerAddress } = config.http;
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = requestTimeoutMs;
  server.keepAliveTimeout = keepAliveTimeoutMs;
  const waiting = new WeakMap<Socket, NodeJS.Timeout>();
  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (config.trustProxyHops === 0) {
      const open = perAddress.get(address) ?? 0;
      if (open >= maxSocketsPerAddress) {
        socket.destroy();
        return;
      }
      perAddress.set(address, open + 1);
      socket.once('close', () => {
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left > 0) perAddress.set(address, left);
        else perAddress.delete(address);
      });
    }
    const timer = setTimeout(() => socket.destroy(), headersTimeoutMs);
    timer.unref();
    waiting.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  return {
    arrived: (socket) => {
      const timer = waiting.get(socket);
      if (timer) {
        clearTimeout(timer);
        waiting.delete(socket);
      }
    },
  };
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  next();
}

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
