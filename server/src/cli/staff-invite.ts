import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CreateInviteRequest } from '@leadloop/shared';
import QRCode from 'qrcode';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/config';
import { StaffService } from '../modules/staff/staff.service';

const USAGE = `Creates a one-time staff invite (use it for the first admin of a fresh install).

  npm run staff:invite -- --name "王敏" [--role admin|marketer|sdr|sales|partner] [--hours 72] [--json]

Open the printed link on a phone (H5) or the mini-program path in WeChat, sign in, and accept.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      hours: { type: 'string', default: '72' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.name) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const input = CreateInviteRequest.safeParse({ name: values.name, role: values.role, ttlHours: Number(values.hours) });
  if (!input.success) {
    process.stderr.write(`${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n`);
    process.exit(2);
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const invite = await app.get(StaffService).issueInvite(null, input.data);
    const base = config.publicUrl ?? `http://localhost:${config.port || 3000}`;
    const link = `${base}/#/${invite.path}`;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...invite, link })}\n`);
      return;
    }
    process.stdout.write(
      `Invite for ${invite.name} (${invite.role}), valid until ${invite.expiresAt}\n\n` +
        `  Browser (H5):     ${link}\n` +
        `  Mini-program:     ${invite.path}\n\n` +
        (await QRCode.toString(link, { type: 'terminal', small: true })),
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
