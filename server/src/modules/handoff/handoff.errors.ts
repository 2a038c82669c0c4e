import type { FeedbackKind, LeadStage } from '@leadloop/shared';
import { AppError } from '../../core/app-error';

/** This kind of feedback does not fit the lead's stage (accept an MQL, win an opportunity …). */
export const feedbackStageInvalid = (kind: FeedbackKind, stage: LeadStage, allowedFrom: readonly LeadStage[]) =>
  new AppError('FEEDBACK_STAGE_INVALID', `Feedback "${kind}" cannot be given on a lead at stage ${stage}`, { kind, stage, allowedFrom });

export const followUpDatePast = (today: string) =>
  new AppError('FOLLOW_UP_DATE_PAST', 'The next follow-up cannot be before today', { fields: [{ path: 'nextFollowUpOn', message: `不能早于今天（${today}）` }] });

/** The rules changed since the report was read: its suggestions were for another version. */
export const calibrationStale = (readVersion: number, activeVersion: number) =>
  new AppError('CALIBRATION_STALE', 'The scoring rules changed since this report was read; reload it', { readVersion, activeVersion });

export const calibrationSuggestionUnknown = (ruleKeys: string[]) =>
  new AppError('CALIBRATION_SUGGESTION_UNKNOWN', 'The report suggests no change for these rules', { ruleKeys });
