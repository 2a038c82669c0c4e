import type { INestApplication } from '@nestjs/common';
import { Clock, ControllableClock } from '../../src/core/clock';
import type { TestServer } from './app';

/** The app's clock, which tests move instead of sleeping (the sandbox is on, so it is controllable). */
export function clockOf(app: INestApplication): ControllableClock {
  const clock = app.get(Clock);
  if (!(clock instanceof ControllableClock)) throw new Error('this app runs on the system clock');
  return clock;
}

/** Moves the clock the server and its WeChat stand-in share, over HTTP as any client would. */
export async function moveClock(server: Pick<TestServer, 'http'>, move: { advanceMs: number } | { advanceSeconds: number } | { at: string | null }): Promise<Date> {
  const res = await server.http('POST', '/sandbox/clock', move);
  if (res.status !== 200) throw new Error(`moving the clock failed: ${JSON.stringify(res.body)}`);
  return new Date(res.body.now);
}

/** What the server considers now. */
export async function serverNow(server: Pick<TestServer, 'http'>): Promise<Date> {
  return new Date((await server.http('GET', '/sandbox/clock')).body.now);
}
