import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentRequestId } from './request-context';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
const SECRET_KEYS = /(secret|session_?key|token|password|openid|unionid|phone|authorization|apiv3|private)/i;
const PHONE = /(?<!\d)(\+?86)?1[3-9]\d{9}(?!\d)/g;
/** Nest's own start-up chatter (modules loaded, every route mapped): debug detail, not news. */
const BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Removes what must never reach a log line: phone numbers and any value under a secret-looking key. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(PHONE, '[phone]');
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

/** Nest's logger with request ids, redaction, and JSON lines in production. */
export class AppLogger extends ConsoleLogger {
  constructor(
    private readonly format: 'json' | 'text',
    level: LogLevel,
  ) {
    // colour codes only where a terminal shows them, not in a log file or CI output
    super({ colors: process.stdout.isTTY === true });
    this.setLogLevels(LEVELS.slice(0, LEVELS.indexOf(level) + 1));
  }

  protected override printMessages(
    messages: unknown[],
    context = '',
    logLevel: LogLevel = 'log',
    writeStreamType?: 'stdout' | 'stderr',
  ): void {
    if (logLevel === 'log' && BOOT_CONTEXTS.has(context)) {
      if (!this.isLevelEnabled('debug')) return;
      logLevel = 'debug';
    }
    const requestId = currentRequestId();
    const clean = messages.map((m) => redact(m));
    if (this.format === 'json') {
      for (const message of clean) {
        // log lines carry wall time (when it happened on this machine), not the app clock
        const line = JSON.stringify({ time: new Date().toISOString(), level: logLevel, context, requestId, message });
        process[writeStreamType ?? (logLevel === 'error' ? 'stderr' : 'stdout')].write(`${line}\n`);
      }
      return;
    }
    const prefixed = requestId ? `${context}] [${requestId}` : context;
    super.printMessages(clean, prefixed, logLevel, writeStreamType);
  }
}
