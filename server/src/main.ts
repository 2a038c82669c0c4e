import 'reflect-metadata';
import { relative, sep } from 'node:path';
import { Logger } from '@nestjs/common';
import { startApp } from './app.factory';
import { ConfigError, loadConfig, publicBaseUrl, REPO_ROOT } from './config/config';
import { StaffService } from './modules/staff/staff.service';

const CONSOLE_LOGIN_PAGE = 'packages/console/pages/login/index';

/** A path inside the repository as the README writes it (data/leadloop.sqlite); others in full. */
const shortPath = (path: string): string => (path.startsWith(REPO_ROOT + sep) ? relative(REPO_ROOT, path) : path);

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { app, url } = await startApp(config);
  const logger = new Logger('LeadLoop');
  const base = publicBaseUrl(config, Number(new URL(url).port));
  const db = config.database.type === 'mysql' ? 'MySQL' : `嵌入式 SQLite ${shortPath(config.database.path)}`;
  const wechat = config.wechat.sandbox ? '微信沙箱' : `微信 ${config.wechat.apiBase}`;
  if (config.role === 'worker') {
    logger.log(`后台任务已启动（${db}）：活动流消费、直播提醒、支付对账与名片审核；健康检查 ${base}/api/health`);
    return;
  }
  // One line says where the product is and what to do next; a fresh install has nobody to sign in.
  logger.log(`已启动 ${base}/（${db}，${wechat}）· 控制台：${base}/#/${CONSOLE_LOGIN_PAGE}`);
  if (!(await app.get(StaffService).hasStaff())) {
    logger.log('还没有团队成员，先创建第一位管理员：npm run staff:invite -- --name "你的姓名" --role admin');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`LeadLoop failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
