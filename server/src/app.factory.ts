import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory, Reflector } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { ErrorFilter } from './core/error.filter';
import { AppLogger } from './core/logger';
import { requestContextMiddleware } from './core/request-context';
import { ContractInterceptor } from './core/route';
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

/** Creates the app and listens; with the sandbox on, WeChat calls go to this same server. */
export async function startApp(config: AppConfig): Promise<RunningApp> {
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  app.get(WechatEndpoint).useLocalSandbox(url);
  return { app, url, close: () => app.close() };
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
