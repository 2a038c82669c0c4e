import { timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { ConsolePollResponse, ConsoleScanResponse, ConsoleTicketResponse } from '@leadloop/shared';
import { PageLinks, Pages } from '@leadloop/shared';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { newId, newSecret } from '../../database/ids';
import { SessionService } from '../identity/session.service';
import type { ConsoleLoginTicketEntity } from './staff.entity';
import { StaffRepository } from './staff.repository';
import { hashSecret, StaffService } from './staff.service';

export const SCAN_CONFIRM_PAGE = Pages.consoleConfirm;
const TICKET_TTL_MS = 2 * 60 * 1000;
/** A confirmed ticket may still be collected by the desktop's next poll shortly after expiry. */
const COLLECT_GRACE_MS = 30 * 1000;

/**
 * Desktop console sign-in by scan: the desktop shows a mini-program code carrying a one-time
 * ticket; a staff member scans and confirms in the mini-program; the desktop, which alone
 * holds the poll secret, collects a console session exactly once.
 */
@Injectable()
export class ConsoleLoginService {
  private readonly logger = new Logger(ConsoleLoginService.name);

  constructor(
    private readonly staff: StaffRepository,
    private readonly staffService: StaffService,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
  ) {}

  /** Each desktop QR costs a WeChat call: limited per client address (`core/rate-limits.ts`). */
  async createTicket(): Promise<ConsoleTicketResponse> {
    const ticket = newSecret(24);
    const pollSecret = newSecret(24);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + TICKET_TTL_MS);
    await this.staff.insertTicket({
      id: newId(now.getTime()),
      ticketHash: hashSecret(ticket),
      pollSecretHash: hashSecret(pollSecret),
      status: 'pending',
      staffId: null,
      expiresAt,
      scannedAt: null,
      confirmedAt: null,
      consumedAt: null,
      createdAt: now,
    });
    return {
      ticket,
      pollSecret,
      expiresAt: expiresAt.toISOString(),
      path: PageLinks.consoleConfirm(ticket),
      qrDataUrl: await this.staffService.codeImage(ticket, SCAN_CONFIRM_PAGE),
    };
  }

  async scan(auth: AuthContext, ticketSecret: string): Promise<ConsoleScanResponse> {
    const ticket = await this.open(ticketSecret);
    const staffId = auth.staff!.id;
    if (ticket.status === 'pending') {
      const moved = await this.staff.transitionTicket(ticket.id, ['pending'], 'scanned', { staffId, scannedAt: this.clock.now() });
      if (moved) return { status: 'scanned', createdAt: ticket.createdAt.toISOString() };
      return this.scan(auth, ticketSecret);
    }
    if (ticket.status === 'scanned' && ticket.staffId === staffId) return { status: 'scanned', createdAt: ticket.createdAt.toISOString() };
    throw new AppError('LOGIN_TICKET_USED', 'This sign-in code has already been used');
  }

  async confirm(auth: AuthContext, ticketSecret: string): Promise<ConsoleScanResponse> {
    await this.scan(auth, ticketSecret);
    const ticket = await this.open(ticketSecret);
    const moved = ticket.staffId === auth.staff!.id && (await this.staff.transitionTicket(ticket.id, ['scanned'], 'confirmed', { confirmedAt: this.clock.now() }));
    if (!moved) throw new AppError('LOGIN_TICKET_USED', 'This sign-in code has already been used');
    this.logger.log(`Console sign-in confirmed by staff ${auth.staff!.id}`);
    return { status: 'confirmed', createdAt: ticket.createdAt.toISOString() };
  }

  async poll(ticketSecret: string, pollSecret: string): Promise<ConsolePollResponse> {
    const ticket = await this.staff.findTicketByHash(hashSecret(ticketSecret));
    if (!ticket || !sameHash(ticket.pollSecretHash, hashSecret(pollSecret))) {
      throw new AppError('LOGIN_TICKET_INVALID', 'Unknown sign-in code');
    }
    const now = this.clock.nowMs();
    if (ticket.status === 'confirmed' && now < ticket.expiresAt.getTime() + COLLECT_GRACE_MS) {
      const won = await this.staff.transitionTicket(ticket.id, ['confirmed'], 'consumed', { consumedAt: this.clock.now() });
      const staff = won && ticket.staffId ? await this.staff.findById(ticket.staffId) : null;
      if (!staff?.personId) return { status: 'consumed', session: null };
      return { status: 'confirmed', session: await this.sessions.issue(staff.personId, 'console') };
    }
    if (ticket.status === 'consumed') return { status: 'consumed', session: null };
    if (now >= ticket.expiresAt.getTime()) return { status: 'expired', session: null };
    return { status: ticket.status, session: null };
  }

  private async open(ticketSecret: string): Promise<ConsoleLoginTicketEntity> {
    const ticket = await this.staff.findTicketByHash(hashSecret(ticketSecret));
    if (!ticket) throw new AppError('LOGIN_TICKET_INVALID', 'Unknown sign-in code');
    if (ticket.expiresAt.getTime() <= this.clock.nowMs() && ticket.status !== 'consumed') {
      throw new AppError('LOGIN_TICKET_EXPIRED', 'This sign-in code has expired; refresh it on the computer');
    }
    return ticket;
  }
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
