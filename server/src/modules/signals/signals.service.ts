import { Inject, Injectable } from '@nestjs/common';
import type { MarkSignalsRead, SignalGrantRequest, SignalInbox, SignalInboxQuery, SignalSubscription, SignalUnread } from '@leadloop/shared';
import { z } from 'zod';
import { DataSource, In, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { IdKey, KeysetCursor } from '../../core/pagination';
import type { AuthContext } from '../../core/route';
import { newId } from '../../database/ids';
import { PersonEntity } from '../identity/identity.entity';
import { displayNameOf } from '../leads/lead-views';
import { SalesSignalEntity, SignalGrantEntity } from './signals.entity';
import { unknownTemplate } from './signals.errors';

/** The inbox reads newest first; ids sort by creation. */
const InboxCursor = new KeysetCursor('signals.inbox', z.tuple([IdKey]));

/** A staff member's own inbox and subscribe-message grants: every query is scoped to the caller's staff id. */
@Injectable()
export class SignalsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async inbox(auth: AuthContext, query: SignalInboxQuery): Promise<SignalInbox> {
    const staffId = auth.staff!.id;
    const after = InboxCursor.decode(query.cursor);
    const q = this.dataSource.manager.createQueryBuilder(SalesSignalEntity, 's').where('s.staff_id = :staffId', { staffId });
    if (query.unread === 'true') q.andWhere('s.read_at IS NULL');
    if (after) q.andWhere('s.id < :after', { after: after[0] });
    const rows = await q.orderBy('s.id', 'DESC').limit(query.limit + 1).getMany();
    const { items, nextCursor } = InboxCursor.page(rows, query.limit, (r) => [r.id]);
    const names = await this.names(items.flatMap((s) => (s.personId ? [s.personId] : [])));
    return {
      items: items.map((s) => ({
        id: s.id,
        kind: s.kind,
        leadPersonId: s.personId,
        displayName: s.personId ? (names.get(s.personId) ?? '未留名') : '系统',
        detail: s.detail,
        at: s.createdAt.toISOString(),
        read: s.readAt !== null,
      })),
      nextCursor,
      unread: (await this.unread(auth)).unread,
    };
  }

  async unread(auth: AuthContext): Promise<SignalUnread> {
    return { unread: await this.dataSource.manager.countBy(SalesSignalEntity, { staffId: auth.staff!.id, readAt: IsNull() }) };
  }

  /** Only the caller's own signals are touched, whatever ids are sent. */
  async markRead(auth: AuthContext, input: MarkSignalsRead): Promise<SignalUnread> {
    const staffId = auth.staff!.id;
    await this.dataSource.manager.update(SalesSignalEntity, { staffId, readAt: IsNull(), ...(input.ids ? { id: In(input.ids) } : {}) }, { readAt: this.clock.now() });
    return this.unread(auth);
  }

  async subscription(auth: AuthContext): Promise<SignalSubscription> {
    const available = await this.dataSource.manager.countBy(SignalGrantEntity, { staffId: auth.staff!.id, status: 'available' });
    return { templateId: this.config.signals.templateId, available };
  }

  /** Records each answer; every accept is one message to spend later. */
  async grant(auth: AuthContext, input: SignalGrantRequest): Promise<SignalSubscription> {
    const unknown = Object.keys(input.results).filter((t) => t !== this.config.signals.templateId);
    if (unknown.length > 0) throw unknownTemplate(unknown);
    const now = this.clock.now();
    await this.dataSource.manager.insert(
      SignalGrantEntity,
      Object.entries(input.results).map(([templateId, answer]) => ({
        id: newId(now.getTime()),
        staffId: auth.staff!.id,
        templateId,
        status: answer === 'accept' ? ('available' as const) : ('declined' as const),
        createdAt: now,
        spentAt: null,
      })),
    );
    return this.subscription(auth);
  }

  private async names(personIds: string[]): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const people = await this.dataSource.manager.find(PersonEntity, { select: { id: true, name: true, nickname: true }, where: { id: In([...new Set(personIds)]) } });
    return new Map(people.map((p) => [p.id, displayNameOf(p)]));
  }
}
