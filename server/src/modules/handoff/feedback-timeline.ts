import { Injectable } from '@nestjs/common';
import { FeedbackKindLabels } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { readTime } from '../../database/sql';
import { LeadViews } from '../leads/lead-views';
import { timelineKeyset, type LeadTimelineSource, type TimelineAfter, type TimelineSourceEntry } from '../leads/timeline-sources';
import { feedbackDetail } from './feedback-views';
import type { LeadFeedbackEntity } from './handoff.entity';

/** Sales' feedback on the lead's timeline: 接受线索 / 跟进记录 / … with the detail, the note and who gave it. */
@Injectable()
export class FeedbackTimeline implements LeadTimelineSource {
  readonly name = 'handoff';
  readonly kind = 'feedback';

  constructor(
    private readonly dataSource: DataSource,
    private readonly views: LeadViews,
  ) {}

  async entries(personId: string, after: TimelineAfter, take: number): Promise<TimelineSourceEntry[]> {
    const k = timelineKeyset('f', 'created_at', after);
    const rows: (Record<string, unknown> & { id: string; kind: LeadFeedbackEntity['kind']; by_staff_id: string; created_at: Date | string })[] = await this.dataSource.query(
      `SELECT f.id, f.kind, f.reason, f.channel, f.outcome, f.note, f.amount_fen, f.close_on, f.follow_up_on, f.by_staff_id, f.created_at FROM lead_feedback f WHERE f.person_id = ?${k.sql} ORDER BY f.created_at DESC, f.id DESC LIMIT ${take}`,
      [personId, ...k.params],
    );
    const staff = await this.views.staffNames(rows.map((r) => r.by_staff_id));
    return rows.map((r) => {
      const row = {
        kind: r.kind,
        reason: r.reason,
        channel: r.channel,
        outcome: r.outcome,
        note: r.note,
        amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
        closeOn: r.close_on,
        followUpOn: r.follow_up_on,
      } as LeadFeedbackEntity;
      return {
        id: r.id,
        at: readTime(r.created_at),
        label: FeedbackKindLabels[r.kind],
        detail: [feedbackDetail(row), row.note].filter(Boolean).join(' · '),
        by: staff.get(r.by_staff_id) ?? '同事',
      };
    });
  }
}
