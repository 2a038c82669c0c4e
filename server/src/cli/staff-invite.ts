import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CreateInviteRequest, StaffRoleLabels } from '@leadloop/shared';
import QRCode from 'qrcode';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig, publicBaseUrl } from '../config/config';
import { StaffService } from '../modules/staff/staff.service';

const USAGE = `创建一次性团队邀请（新装好的系统用它创建第一位管理员）。

  npm run staff:invite -- --name "王敏" [--role admin|marketer|sdr|sales|partner] [--hours 72] [--json]

在浏览器或手机上打开输出的链接（微信中打开小程序路径），登录后接受邀请。`;

/** `2026-12-04 20:30`: Beijing time (UTC+8, no daylight saving) whatever the machine's zone. */
function beijingDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

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
    process.stderr.write(`参数有误：\n${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n`);
    process.exit(2);
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const invite = await app.get(StaffService).issueInvite(null, input.data);
    const link = `${publicBaseUrl(config)}/#/${invite.path}`;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...invite, link })}\n`);
      return;
    }
    process.stdout.write(
      `已为「${invite.name}」创建${StaffRoleLabels[invite.role]}邀请，${beijingDateTime(invite.expiresAt)}（北京时间）前有效，仅可使用一次。\n\n` +
        `  浏览器打开：${link}\n` +
        `  小程序路径：${invite.path}\n\n` +
        `服务运行时（npm start）打开链接（或用手机扫下面的二维码），登录后点「接受邀请并绑定」；浏览器沙箱中填任意沙箱用户名即可登录。\n\n` +
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
