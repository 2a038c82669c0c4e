import type { ConsolePollResponse, ConsoleTicketResponse, SessionResponse } from '@leadloop/shared';
import Taro from '@tarojs/taro';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';
import { sessions } from '@/core/session/session-store';
import { Routes } from '@/core/routes';

export function startScanLogin(): Promise<ConsoleTicketResponse> {
  return api('createConsoleTicket');
}

export function pollScanLogin(ticket: ConsoleTicketResponse): Promise<ConsolePollResponse> {
  return api('pollConsoleTicket', { ticket: ticket.ticket, pollSecret: ticket.pollSecret });
}

/** The desktop's own session, kept apart from any mini-program session in the same browser. */
export function adoptConsoleSession(session: SessionResponse): void {
  sessions.console.set(session);
}

/** Leaves the console: a desktop forgets its scan-login; in the mini-program we just go back. */
export function leaveConsole(): void {
  if (platform.consoleNeedsScanLogin) {
    sessions.console.set(null);
    void Taro.redirectTo({ url: Routes.consoleLogin });
  } else {
    void Taro.navigateBack();
  }
}
