import { z } from 'zod';
import { pageOf, PageQuery } from '../pagination';

/**
 * What a salesperson is told about: their lead watched the live long enough, downloaded, came
 * back to their card, asked to be contacted, an owned customer became active again; the follow-up
 * day they set came; and what routing and SLA tell them (a lead assigned, a deadline near, an escalation).
 */
export const SignalKinds = ['live_watched', 'downloaded', 'card_return', 'contact_request', 'customer_active', 'lead_assigned', 'follow_up_due', 'sla_due', 'sla_escalated'] as const;
export type SignalKind = (typeof SignalKinds)[number];

export const SignalKindLabels: Record<SignalKind, string> = {
  live_watched: '看了直播',
  downloaded: '下载了资料',
  card_return: '又来看名片',
  contact_request: '请你联系',
  customer_active: '老客户有新动态',
  lead_assigned: '分配了新线索',
  follow_up_due: '今天要跟进',
  sla_due: '线索待跟进',
  sla_escalated: '线索超时升级',
};

/** The line under a signal (a content title, minutes watched): at most this many characters. */
export const SIGNAL_DETAIL_MAX = 60;
const SignalId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a signal id');

export const SalesSignalView = z.object({
  id: z.string(),
  kind: z.enum(SignalKinds),
  /** The lead it is about (opens the lead page); null for a signal about no one in particular. */
  leadPersonId: z.string().nullable(),
  displayName: z.string(),
  detail: z.string().nullable(),
  at: z.string(),
  read: z.boolean(),
});
export type SalesSignalView = z.infer<typeof SalesSignalView>;

export const SignalInboxQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).optional() }).strict();
export type SignalInboxQuery = z.infer<typeof SignalInboxQuery>;

/** Newest first, keyset pages; `unread` counts the whole inbox, not the page. */
export const SignalInbox = pageOf(SalesSignalView).extend({ unread: z.number().int() });
export type SignalInbox = z.infer<typeof SignalInbox>;

export const SignalUnread = z.object({ unread: z.number().int() });
export type SignalUnread = z.infer<typeof SignalUnread>;

/** Marks the named signals read, or (no ids) every signal in the inbox. */
export const MarkSignalsRead = z.object({ ids: z.array(SignalId).min(1).max(100).optional() }).strict();
export type MarkSignalsRead = z.infer<typeof MarkSignalsRead>;

/** What the app asks `wx.requestSubscribeMessage` for, and how many one-time grants are left to spend. */
export const SignalSubscription = z.object({ templateId: z.string(), available: z.number().int() });
export type SignalSubscription = z.infer<typeof SignalSubscription>;

/** The answer of `wx.requestSubscribeMessage` for the signal template (one accepted tap = one message). */
export const SignalGrantRequest = z
  .object({ results: z.record(z.string().regex(/^[\w-]{8,64}$/), z.enum(['accept', 'reject', 'ban', 'filter'])) })
  .strict()
  .refine((r) => Object.keys(r.results).length >= 1 && Object.keys(r.results).length <= 3, 'between one and three templates');
export type SignalGrantRequest = z.infer<typeof SignalGrantRequest>;

// --- the working calendar SLA deadlines count in

const LocalDate = z.iso.date();
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
export const MAX_CALENDAR_DATES = 120;

export const WorkingCalendarSettings = z
  .object({
    /** ISO weekdays: 1 Monday … 7 Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).refine((d) => new Set(d).size === d.length, 'weekdays must not repeat'),
    dayStart: ClockTime,
    dayEnd: ClockTime,
    holidays: z.array(LocalDate).max(MAX_CALENDAR_DATES),
    /** Make-up working days (调休). */
    workdays: z.array(LocalDate).max(MAX_CALENDAR_DATES),
  })
  .strict()
  .refine((c) => c.dayStart < c.dayEnd, { message: 'the working day must end after it starts', path: ['dayEnd'] });
export type WorkingCalendarSettings = z.infer<typeof WorkingCalendarSettings>;

export const WorkingCalendarView = z.object({
  timeZone: z.literal('Asia/Shanghai'),
  weekdays: z.array(z.number().int()),
  dayStart: z.string(),
  dayEnd: z.string(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type WorkingCalendarView = z.infer<typeof WorkingCalendarView>;
