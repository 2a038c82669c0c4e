import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFactory, Reflector } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { ErrorFilter } from './core/error.filter';
import { AppLogger } from './core/logger';
import { requestContextMiddleware, SECURITY_HEADERS } from './core/request-context';
import { directRoutes } from './core/direct-routes';
import { ContractInterceptor } from './core/route';
import { PaymentsService } from './modules/payments/payments.service';
import { AuthGuard } from './modules/identity/auth.guard';
import { signUpRoute } from './modules/live/live.controller';
import { SignupService } from './modules/live/signup.service';
import { ingestRoute } from './modules/share-chain/share-chain.controller';
import { EventsService } from './modules/share-chain/events.service';
import { WechatEndpoint } from './modules/wechat/wechat.endpoint';

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
  app.set('trust proxy', 'loopback');
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
 * Creates the app and listens. Node's HTTP server answers the hottest routes itself (event
 * ingest, sign-up) and hands every other request to Express/Nest. With the sandbox on, WeChat
 * calls go to this same server.
 */
export async function startApp(config: AppConfig): Promise<RunningApp> {
  const app = await createApp(config);
  await app.init();
  const direct = directRoutes([ingestRoute(app.get(EventsService)), signUpRoute(app.get(SignupService))], {
    authenticate: (token) => app.get(AuthGuard).authenticate(token),
    checkResponses: config.env !== 'production',
  });
  const express = app.getHttpAdapter().getInstance() as (req: IncomingMessage, res: ServerResponse) => void;
  const server = createServer((req, res) => {
    if (!direct(req, res)) express(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  app.get(WechatEndpoint).useLocalSandbox(url);
  app.get(PaymentsService).useServerUrl(url);
  return {
    app,
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
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
