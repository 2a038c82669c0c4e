import { Controller, Get, Inject, Res } from '@nestjs/common';
import { Api, type HealthResponse, type PublicConfigResponse } from '@leadloop/shared';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PublicController } from '../../core/public';
import { Route } from '../../core/route';
import { BrandService } from '../brand/brand.service';
import { buildOpenApi } from './openapi';

const DB_CHECK_TIMEOUT_MS = 2000;

@Controller()
export class SystemController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly brand: BrandService,
  ) {}

  @Route(Api.health)
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const db = await this.databaseAnswers();
    if (!db) res.status(503);
    return { status: db ? 'ok' : 'degraded', db: db ? 'ok' : 'down' };
  }

  @Route(Api.publicConfig)
  publicConfig(): PublicConfigResponse {
    return { appId: this.config.wechat.appId, sandbox: this.config.wechat.sandbox, privacyPolicyVersion: this.brand.privacyPolicyVersion };
  }

  private async databaseAnswers(): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, DB_CHECK_TIMEOUT_MS, false).unref());
    const probe = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    return Promise.race([probe, timeout]);
  }
}

@PublicController()
@Controller('api')
export class OpenApiController {
  private document: Record<string, unknown> | null = null;

  @Get('openapi.json')
  openApi(): Record<string, unknown> {
    this.document ??= buildOpenApi(process.env.npm_package_version ?? '0.1.0');
    return this.document;
  }
}
