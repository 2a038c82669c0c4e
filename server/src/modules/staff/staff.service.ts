import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type {
  CreateInviteRequest,
  HandoverRequest,
  StaffHandover,
  StaffHandoverList,
  InvitePreview,
  InviteResponse,
  PageQuery,
  PendingInviteList,
  SessionResponse,
  StaffListItem,
  StaffListQuery,
  StaffListResponse,
  StaffRole,
  UpdateStaffRequest,
} from '@leadloop/shared';
import { PageLinks, Pages } from '@leadloop/shared';
import { z } from 'zod';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { IdKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { isUniqueViolation } from '../../database/data-source';
import { newId, newSecret } from '../../database/ids';
import { SessionService } from '../identity/session.service';
import { WechatClient } from '../wechat/wechat.client';
import { StaffHandovers } from './handover';
import type { StaffEntity, StaffHandoverEntity } from './staff.entity';
import { handoverInvalid, lastAdmin, staffNotFound } from './staff.errors';
import { StaffRepository } from './staff.repository';

export const INVITE_PAGE = Pages.staffInvite;

/** Pending invites are listed newest first, staff oldest first, both by id (ids sort by creation). */
const InviteCursor = new KeysetCursor('staff.invites', z.tuple([IdKey]));
const StaffCursor = new KeysetCursor('staff', z.tuple([IdKey]));
const HandoverCursor = new KeysetCursor('staff.handovers', z.tuple([IdKey]));

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

@Injectable()
export class StaffService {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly staff: StaffRepository,
    private readonly sessions: SessionService,
    private readonly wechat: WechatClient,
    private readonly handovers: StaffHandovers,
    private readonly clock: Clock,
  ) {}

  /** A fresh install has nobody on the team yet: the first admin comes from the command line. */
  async hasStaff(): Promise<boolean> {
    return (await this.staff.countStaff()) > 0;
  }

  /** A one-time invite with its mini-program code, for an admin in the console. */
  async createInvite(createdBy: string, input: CreateInviteRequest): Promise<InviteResponse> {
    const invite = await this.issueInvite(createdBy, input);
    return { ...invite, qrDataUrl: await this.codeImage(invite.token, INVITE_PAGE) };
  }

  /** A one-time invite; `createdBy` is null only for invites made from the command line. */
  async issueInvite(createdBy: string | null, input: CreateInviteRequest): Promise<Omit<InviteResponse, 'qrDataUrl'>> {
    const token = newSecret(24);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + input.ttlHours * 3600_000);
    const id = newId(now.getTime());
    await this.staff.insertInvite({
      id,
      tokenHash: hashSecret(token),
      name: input.name,
      role: input.role,
      createdBy,
      staffId: null,
      expiresAt,
      usedAt: null,
      createdAt: now,
    });
    this.logger.log(`Invite ${id} created for role ${input.role}`);
    return {
      id,
      name: input.name,
      role: input.role,
      expiresAt: expiresAt.toISOString(),
      token,
      path: PageLinks.staffInvite(token),
    };
  }

  async pendingInvites(query: PageQuery): Promise<PendingInviteList> {
    const rows = await this.staff.listPendingInvites(this.clock.now(), query.limit + 1, InviteCursor.decode(query.cursor)?.[0]);
    const { items: invites, nextCursor } = InviteCursor.page(rows, query.limit, (i) => [i.id]);
    return { nextCursor, items: invites.map((i) => ({ id: i.id, name: i.name, role: i.role, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() })) };
  }

  /** A leaked or mistaken invite stops working at once; accepted ones are not touched. */
  async revokeInvite(auth: AuthContext, id: string): Promise<{ id: string; revoked: true }> {
    if (!(await this.staff.expireInvite(id, this.clock.now()))) throw new AppError('NOT_FOUND', 'No pending invite with this id');
    this.logger.log(`Invite ${id} revoked by staff ${auth.staff?.id}`);
    return { id, revoked: true };
  }

  async previewInvite(token: string): Promise<InvitePreview> {
    const invite = await this.staff.findInviteByHash(hashSecret(token));
    if (!invite) throw new AppError('INVITE_INVALID', 'This invite does not exist');
    const status = invite.usedAt ? 'used' : invite.expiresAt.getTime() <= this.clock.nowMs() ? 'expired' : 'pending';
    return { name: invite.name, role: invite.role, status, expiresAt: invite.expiresAt.toISOString() };
  }

  /** Binds the caller's WeChat to a new staff account. Retrying the same accept is harmless. */
  async acceptInvite(auth: AuthContext, token: string): Promise<SessionResponse> {
    try {
      await this.dataSource.transaction(async (em) => {
        const invite = await this.staff.findInviteByHash(hashSecret(token), em);
        if (!invite) throw new AppError('INVITE_INVALID', 'This invite does not exist');
        if (invite.usedAt) {
          const boundTo = invite.staffId ? await this.staff.findById(invite.staffId, em) : null;
          if (boundTo?.personId === auth.personId) return;
          throw new AppError('INVITE_USED', 'This invite has already been used');
        }
        if (invite.expiresAt.getTime() <= this.clock.nowMs()) throw new AppError('INVITE_EXPIRED', 'This invite has expired; ask for a new one');
        if (await this.staff.findByPerson(auth.personId, em)) {
          throw new AppError('STAFF_ALREADY_BOUND', 'This WeChat is already bound to a staff account');
        }
        const now = this.clock.now();
        const staffId = newId(now.getTime());
        if (!(await this.staff.claimInvite(em, invite.id, staffId, now))) throw new AppError('INVITE_USED', 'This invite has already been used');
        await this.staff.insertStaff(em, {
          id: staffId,
          name: invite.name,
          role: invite.role,
          status: 'active',
          personId: auth.personId,
          invitedBy: invite.createdBy,
          createdAt: now,
          updatedAt: now,
        });
        this.logger.log(`Invite ${invite.id} accepted: staff ${staffId} (${invite.role})`);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('STAFF_ALREADY_BOUND', 'This WeChat is already bound to a staff account');
      throw error;
    }
    return this.sessions.issue(auth.personId);
  }

  async list(query: StaffListQuery): Promise<StaffListResponse> {
    const page = StaffCursor.page(await this.staff.listPage(query.limit + 1, StaffCursor.decode(query.cursor)?.[0], query.status), query.limit, (s) => [s.id]);
    return { items: page.items.map(toListItem), nextCursor: page.nextCursor };
  }

  async update(auth: AuthContext, id: string, changes: UpdateStaffRequest): Promise<StaffListItem> {
    return this.dataSource.transaction(async (em) => {
      const target = await this.staff.findById(id, em);
      if (!target) throw staffNotFound();
      await this.keepAnAdmin(em, target, changes);
      await this.staff.updateStaff(id, changes, em, this.clock.now());
      this.logger.log(`Staff ${id} changed by ${auth.staff?.id}: ${JSON.stringify(changes)}`);
      return toListItem({ ...target, ...changes } as StaffEntity);
    });
  }

  /**
   * A leaver's prospects, card visitors and contact requests go to another active member, and the
   * leaver is disabled (unless told not to), in one transaction: either all of it happens, logged
   * with who did it, or nothing does. Roles are read per request, so a disabled member is out at once.
   */
  async handOver(auth: AuthContext, fromId: string, input: HandoverRequest): Promise<StaffHandover> {
    const disable = input.disable ?? true;
    const log = await this.dataSource.transaction(async (em) => {
      const from = await this.staff.findById(fromId, em);
      if (!from) throw staffNotFound();
      if (input.toStaffId === from.id) throw handoverInvalid('same_member');
      const to = await this.staff.findById(input.toStaffId, em);
      if (!to) throw handoverInvalid('receiver_unknown');
      if (to.status !== 'active') throw handoverInvalid('receiver_disabled');
      const at = this.clock.now();
      if (disable && from.status === 'active') {
        await this.keepAnAdmin(em, from, { status: 'disabled' });
        await this.staff.updateStaff(from.id, { status: 'disabled' }, em, at);
      }
      const counts = await this.handovers.run(em, from.id, to.id, at);
      const entry: StaffHandoverEntity = {
        id: newId(at.getTime()),
        fromStaffId: from.id,
        toStaffId: to.id,
        byStaffId: auth.staff?.id ?? null,
        disabled: disable ? 1 : 0,
        ...counts,
        createdAt: at,
      };
      await this.staff.insertHandover(em, entry);
      return entry;
    });
    this.logger.log(`Staff ${log.fromStaffId} handed over to ${log.toStaffId} by ${log.byStaffId}: ${log.prospects} prospects, ${log.cardVisitors} card visitors, ${log.contactRequests} contact requests`);
    return (await this.views([log]))[0];
  }

  async handoverLog(query: PageQuery): Promise<StaffHandoverList> {
    const page = HandoverCursor.page(await this.staff.listHandovers(query.limit + 1, HandoverCursor.decode(query.cursor)?.[0]), query.limit, (h) => [h.id]);
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  /** Refuses a change that would leave no active admin (admin rows are locked first, so two admins cannot remove each other at once). */
  private async keepAnAdmin(em: EntityManager, target: StaffEntity, changes: UpdateStaffRequest): Promise<void> {
    const losesAdmin = target.role === 'admin' && target.status === 'active' && (changes.status === 'disabled' || (changes.role !== undefined && changes.role !== 'admin'));
    if (losesAdmin && (await this.staff.lockActiveAdmins(em)) <= 1) throw lastAdmin();
  }

  private async views(rows: StaffHandoverEntity[]): Promise<StaffHandover[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.fromStaffId, r.toStaffId, r.byStaffId ?? r.fromStaffId]))];
    const staff = new Map((await this.staff.findByIds(ids)).map((s) => [s.id, s]));
    const summary = (id: string) => {
      const s = staff.get(id);
      return { id, name: s?.name ?? '已删除的成员', role: s?.role ?? 'sales' };
    };
    return rows.map((r) => ({
      id: r.id,
      from: summary(r.fromStaffId),
      to: summary(r.toStaffId),
      by: r.byStaffId ? summary(r.byStaffId) : null,
      disabled: r.disabled === 1,
      counts: { prospects: r.prospects, cardVisitors: r.cardVisitors, contactRequests: r.contactRequests },
      at: r.createdAt.toISOString(),
    }));
  }

  /** A PNG mini-program code (data URL) that opens `page` with `scene`. */
  async codeImage(scene: string, page: string): Promise<string> {
    const png = await this.wechat.getUnlimitedCode({ scene, page });
    return `data:image/png;base64,${png.toString('base64')}`;
  }
}

function toListItem(s: StaffEntity): StaffListItem {
  return { id: s.id, name: s.name, role: s.role as StaffRole, status: s.status, bound: s.personId !== null, createdAt: s.createdAt.toISOString() };
}
