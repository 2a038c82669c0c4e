import { z } from 'zod';
import { instant } from '../instant';
import { pageOf } from '../pagination';
import { GateSubmission, RequiredFields } from './profile';

const HttpsUrl = z.url({ protocol: /^https?$/ }).max(512);

export const Speaker = z.object({ name: z.string().trim().min(1).max(20), title: z.string().trim().max(40).default('') }).strict();

/** How the event is watched: a WeChat Channels live (`wx.openChannelsLive`) or a stream URL played in the app. */
export const WatchMode = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('channels'), finderUserName: z.string().trim().regex(/^sph[\w-]{4,40}$/, 'must be a Channels id (sph…)'), feedId: z.string().max(128).optional() }).strict(),
  z.object({ kind: z.literal('stream'), url: HttpsUrl }).strict(),
]);
export type WatchMode = z.infer<typeof WatchMode>;

export const SurveyQuestion = z
  .object({
    id: z.string().regex(/^[a-z0-9_]{1,16}$/, 'must be a short key'),
    text: z.string().trim().min(1).max(60),
    /** Choices for a single-choice question; none means free text. */
    choices: z.array(z.string().trim().min(1).max(30)).max(8).default([]),
  })
  .strict();

/** Reminder offsets before the start, in minutes (default: a day and a quarter of an hour). */
export const ReminderOffsets = z.array(z.number().int().min(1).max(7 * 24 * 60)).max(3);

/** The fields of a live event, without defaults (an edit sends only what changes). */
const liveEventFields = {
  title: z.string().trim().min(1).max(60),
  summary: z.string().trim().max(500),
  speakers: z.array(Speaker).max(8),
  coverUrl: HttpsUrl.nullable(),
  startAt: instant(),
  endAt: instant(),
  capacity: z.number().int().min(1, 'capacity must be at least 1').max(100_000),
  signupFields: RequiredFields,
  priceFen: z.number().int().min(0, 'price cannot be negative').max(10_000_000),
  watch: WatchMode,
  replayUrl: HttpsUrl.nullable(),
  reminderOffsets: ReminderOffsets,
  survey: z.array(SurveyQuestion).max(5),
};

const endAfterStart = (e: { startAt?: string; endAt?: string }, ctx: z.RefinementCtx) => {
  if (e.startAt && e.endAt && Date.parse(e.endAt) <= Date.parse(e.startAt)) {
    ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'end must be after start' });
  }
};

export const CreateLiveEventRequest = z
  .object({
    ...liveEventFields,
    summary: liveEventFields.summary.default(''),
    speakers: liveEventFields.speakers.default([]),
    coverUrl: liveEventFields.coverUrl.default(null),
    signupFields: liveEventFields.signupFields.default(['name', 'phone']),
    replayUrl: liveEventFields.replayUrl.default(null),
    reminderOffsets: liveEventFields.reminderOffsets.default([1440, 15]),
    survey: liveEventFields.survey.default([]),
  })
  .strict()
  .superRefine(endAfterStart);
export type CreateLiveEventRequest = z.input<typeof CreateLiveEventRequest>;
/** As the server receives it: validated, defaults applied. */
export type LiveEventDraft = z.output<typeof CreateLiveEventRequest>;
export const UpdateLiveEventRequest = z.object(liveEventFields).partial().strict().superRefine(endAfterStart);
export type UpdateLiveEventRequest = z.input<typeof UpdateLiveEventRequest>;
export type LiveEventChanges = z.output<typeof UpdateLiveEventRequest>;

export const LiveEventStatuses = ['draft', 'published', 'cancelled'] as const;

export const SignupStatuses = ['pending_payment', 'confirmed', 'cancelled'] as const;
export type SignupStatus = (typeof SignupStatuses)[number];

export const MySignup = z.object({
  id: z.string(),
  status: z.enum(SignupStatuses),
  paid: z.boolean(),
  createdAt: z.string(),
  /** An accepted start reminder is waiting (the page need not ask again). */
  reminderOn: z.boolean(),
});

export const LiveEventView = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  speakers: z.array(Speaker),
  coverUrl: z.string().nullable(),
  startAt: z.string(),
  endAt: z.string(),
  capacity: z.number(),
  seatsLeft: z.number(),
  priceFen: z.number(),
  watchKind: z.enum(['channels', 'stream']),
  signupFields: z.array(z.string()),
  status: z.enum(LiveEventStatuses),
  /** Shown after the event ends. */
  replayUrl: z.string().nullable(),
  survey: z.array(SurveyQuestion),
  mySignup: MySignup.nullable(),
});
export type LiveEventView = z.infer<typeof LiveEventView>;

export const ConsoleLiveEvent = LiveEventView.extend({
  watch: WatchMode,
  reminderOffsets: z.array(z.number()),
  signups: z.number(),
  version: z.number(),
});
export type ConsoleLiveEvent = z.infer<typeof ConsoleLiveEvent>;

/** `?v=<version>`: a new cover gets a new URL, so the image can be cached as immutable. */
export const LiveCoverQuery = z.object({ v: z.string().max(16).optional() });
/** Image bytes, not JSON. */
export const LiveCoverBytes = z.unknown();
export const LIVE_COVER_MAX_BYTES = 2 * 1024 * 1024;

export const LiveEventList = pageOf(LiveEventView);
export const ConsoleLiveEventList = pageOf(ConsoleLiveEvent);

export const SignupRequest = z
  .object({
    gate: GateSubmission.default({ profile: {} }),
    shareToken: z.string().max(64).optional(),
    channelCode: z.string().max(64).optional(),
  })
  .strict();
export type SignupRequest = z.input<typeof SignupRequest>;
export type SignupForm = z.output<typeof SignupRequest>;

/** What `wx.requestPayment` needs, signed by the server with the merchant key. */
export const PaymentParams = z.object({
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type PaymentParams = z.infer<typeof PaymentParams>;

export const SignupResponse = z.object({
  signup: MySignup,
  /** Set while a paid sign-up awaits payment. */
  payment: z.object({ orderNo: z.string(), amountFen: z.number(), expiresAt: z.string(), params: PaymentParams }).nullable(),
  /** One-time subscribe-message templates to ask for (≤ 3), from the tap that signed up. */
  reminderTemplates: z.array(z.string()),
});
export type SignupResponse = z.infer<typeof SignupResponse>;

export const CancelSignupResponse = z.object({ signup: MySignup, refund: z.object({ status: z.string(), amountFen: z.number() }).nullable() });

/** What the person answered to `wx.requestSubscribeMessage`, per template. */
export const ReminderGrantRequest = z
  .object({ results: z.record(z.string().regex(/^[\w-]{8,64}$/), z.enum(['accept', 'reject', 'ban', 'filter'])) })
  .strict()
  .refine((r) => Object.keys(r.results).length >= 1 && Object.keys(r.results).length <= 3, 'between one and three templates');
export type ReminderGrantRequest = z.infer<typeof ReminderGrantRequest>;
export const ReminderGrantResponse = z.object({ scheduled: z.number() });

export const AttendanceRequest = z
  .object({
    /**
     * `channels_open`: leaving the app for the WeChat Channels live; `channels_return`: back in the
     * app afterwards — the minutes between (within the event's time) count as watched.
     */
    kind: z.enum(['join', 'heartbeat', 'leave', 'channels_open', 'channels_return']),
    /** One per opening of the live room; the same minute seen twice counts once. */
    sessionId: z.string().regex(/^[\w-]{8,64}$/),
  })
  .strict();
export type AttendanceRequest = z.infer<typeof AttendanceRequest>;
export const AttendanceResponse = z.object({ watchMinutes: z.number(), watch: WatchMode.nullable() });

export const LiveRoomResponse = z.object({ watch: WatchMode, startAt: z.string(), endAt: z.string(), replayUrl: z.string().nullable(), heartbeatSeconds: z.number() });

export const SurveyAnswerRequest = z.object({ answers: z.record(z.string().max(16), z.string().trim().min(1).max(300)) }).strict();
export type SurveyAnswerRequest = z.infer<typeof SurveyAnswerRequest>;
export const SurveyAnswerResponse = z.object({ saved: z.boolean() });

export const LiveReport = z.object({
  event: z.object({ id: z.string(), title: z.string(), priceFen: z.number(), capacity: z.number() }),
  signups: z.object({ confirmed: z.number(), pendingPayment: z.number(), cancelled: z.number() }),
  byChannel: z.array(z.object({ channelId: z.string().nullable(), channelName: z.string(), signups: z.number() })),
  bySharer: z.array(z.object({ staffId: z.string().nullable(), name: z.string(), signups: z.number(), paid: z.number(), revenueFen: z.number() })),
  attendance: z.object({ attendees: z.number(), rate: z.number(), averageWatchMinutes: z.number() }),
  survey: z.array(z.object({ id: z.string(), text: z.string(), responses: z.number(), choices: z.array(z.object({ choice: z.string(), count: z.number() })), texts: z.array(z.string()) })),
  revenue: z.object({ paidOrders: z.number(), grossFen: z.number(), refundedFen: z.number(), netFen: z.number() }),
});
export type LiveReport = z.infer<typeof LiveReport>;

/** What WeChat Pay expects back from a notification it may stop retrying. */
export const PayNotifyAck = z.object({ code: z.literal('SUCCESS'), message: z.string() });

/** 我的报名: my sign-ups, newest first. */
export const MySignupItem = z.object({
  signupId: z.string(),
  eventId: z.string(),
  title: z.string(),
  startAt: z.string(),
  status: z.enum(SignupStatuses),
  paid: z.boolean(),
  at: z.string(),
});
export const MySignupList = pageOf(MySignupItem);
export type MySignupList = z.infer<typeof MySignupList>;
