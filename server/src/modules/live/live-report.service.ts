import { Injectable } from '@nestjs/common';
import type { LiveReport } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { PaymentsService } from '../payments/payments.service';
import { LiveService } from './live.service';

type Row = Record<string, string | number | null>;
const n = (v: unknown) => Number(v ?? 0);

/** The event report: who signed up through which channel and sharer, who watched, what they answered, what it earned. */
@Injectable()
export class LiveReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: LiveService,
    private readonly payments: PaymentsService,
  ) {}

  async report(eventId: string): Promise<LiveReport> {
    const event = await this.events.mustFind(eventId);
    const q = (sql: string, params: unknown[] = [eventId]): Promise<Row[]> => this.dataSource.query(sql, params);
    const [statuses, byChannel, bySharer, attendance, answers, revenue] = await Promise.all([
      q('SELECT status, COUNT(*) AS n FROM live_signups WHERE event_id = ? GROUP BY status'),
      q(`SELECT s.channel_id, c.name, COUNT(*) AS n FROM live_signups s LEFT JOIN channels c ON c.id = s.channel_id
          WHERE s.event_id = ? AND s.status = 'confirmed' GROUP BY s.channel_id, c.name ORDER BY n DESC`),
      q(`SELECT s.sharer_staff_id, st.name, COUNT(*) AS n, SUM(s.paid) AS paid, COALESCE(SUM(o.amount_fen), 0) AS revenue
           FROM live_signups s
           LEFT JOIN staff st ON st.id = s.sharer_staff_id
           LEFT JOIN payment_orders o ON o.signup_id = s.id AND o.status = 'paid'
          WHERE s.event_id = ? AND s.status = 'confirmed'
          GROUP BY s.sharer_staff_id, st.name ORDER BY n DESC`),
      q(`SELECT COUNT(*) AS attendees, COALESCE(AVG(a.minutes), 0) AS avg_minutes
           FROM live_attendance a JOIN live_signups s ON s.event_id = a.event_id AND s.person_id = a.person_id AND s.status = 'confirmed'
          WHERE a.event_id = ? AND a.minutes > 0`),
      q('SELECT answers FROM live_survey_answers WHERE event_id = ?'),
      this.payments.revenueOf(eventId),
    ]);
    const count = (status: string) => n(statuses.find((r) => r.status === status)?.n);
    const confirmed = count('confirmed');
    const attendees = n(attendance[0]?.attendees);
    const parsed = answers.map((r) => JSON.parse(String(r.answers)) as Record<string, string>);
    return {
      event: { id: event.id, title: event.title, priceFen: event.priceFen, capacity: event.capacity },
      signups: { confirmed, pendingPayment: count('pending_payment'), cancelled: count('cancelled') },
      byChannel: byChannel.map((r) => ({ channelId: (r.channel_id as string | null) ?? null, channelName: (r.name as string | null) ?? '直接访问', signups: n(r.n) })),
      bySharer: bySharer.map((r) => ({ staffId: (r.sharer_staff_id as string | null) ?? null, name: (r.name as string | null) ?? '自然流量', signups: n(r.n), paid: n(r.paid), revenueFen: n(r.revenue) })),
      attendance: { attendees, rate: confirmed === 0 ? 0 : Math.round((attendees / confirmed) * 1000) / 1000, averageWatchMinutes: Math.round(n(attendance[0]?.avg_minutes) * 10) / 10 },
      survey: event.survey.map((question) => {
        const given = parsed.map((a) => a[question.id]).filter((v): v is string => typeof v === 'string');
        return {
          id: question.id,
          text: question.text,
          responses: given.length,
          choices: question.choices.map((choice) => ({ choice, count: given.filter((v) => v === choice).length })),
          texts: question.choices.length === 0 ? given.slice(0, 50) : [],
        };
      }),
      revenue: { ...revenue, netFen: revenue.grossFen - revenue.refundedFen },
    };
  }
}
