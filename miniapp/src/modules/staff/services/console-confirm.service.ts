import type { ConsoleScanResponse } from '@leadloop/shared';
import { api } from '@/core/api/client';

/** Tells the desktop its QR was scanned (it then shows "请在手机上确认"). */
export function markTicketScanned(ticket: string): Promise<ConsoleScanResponse> {
  return api('scanConsoleTicket', { ticket });
}

export function confirmTicket(ticket: string): Promise<ConsoleScanResponse> {
  return api('confirmConsoleTicket', { ticket });
}
