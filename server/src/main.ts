import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';

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
  const { url } = await startApp(config);
  const logger = new Logger('LeadLoop');
  const db = config.database.type === 'mysql' ? 'MySQL' : `embedded SQLite (${config.database.path})`;
  logger.log(`Listening on ${url} — database: ${db}; WeChat: ${config.wechat.sandbox ? 'local sandbox' : config.wechat.apiBase}`);
  logger.log(`Console and mini-program (H5): ${config.publicUrl ?? url}/`);
}

main().catch((error: unknown) => {
  process.stderr.write(`LeadLoop failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
