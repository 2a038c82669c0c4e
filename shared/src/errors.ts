/**
 * Stable error codes. Clients switch on `code`, never on message text.
 * Each code carries the HTTP status the server answers with.
 */
export const ErrorCodes = {
  // common
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  SESSION_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  // WeChat platform, as seen by our clients
  WECHAT_CODE_INVALID: 400,
  WECHAT_CODE_USED: 400,
  WECHAT_RATE_LIMITED: 429,
  WECHAT_BUSY: 503,
  WECHAT_UNAVAILABLE: 502,
  WECHAT_ERROR: 502,
  // identity
  PHONE_CODE_INVALID: 400,
  // staff
  INVITE_INVALID: 404,
  INVITE_USED: 409,
  INVITE_EXPIRED: 410,
  STAFF_ALREADY_BOUND: 409,
  STAFF_DISABLED: 403,
  STAFF_LAST_ADMIN: 409,
  STAFF_HANDOVER_INVALID: 409,
  // console scan-login
  LOGIN_TICKET_INVALID: 404,
  LOGIN_TICKET_EXPIRED: 410,
  LOGIN_TICKET_USED: 409,
  // profile and consent (gated actions)
  PROFILE_INCOMPLETE: 422,
  CONSENT_REQUIRED: 422,
  CONSENT_POLICY_OUTDATED: 409,
  // salesperson cards
  CARD_SELF_CONTACT: 409,
  IMAGE_TYPE_UNSUPPORTED: 415,
  // live events and payments
  LIVE_NOT_OPEN: 409,
  LIVE_FULL: 409,
  LIVE_LOCKED: 409,
  LIVE_NOT_SIGNED_UP: 403,
  PAYMENT_UNAVAILABLE: 503,
  PAYMENT_NOTIFICATION_INVALID: 401,
  // whitepapers
  WHITEPAPER_NOT_PDF: 415,
  WHITEPAPER_COVER_INVALID: 415,
  WHITEPAPER_FILENAME_REJECTED: 400,
  DOWNLOAD_LINK_EXPIRED: 403,
  DOWNLOAD_LINK_INVALID: 403,
  // share posters
  POSTER_CONTENT_NOT_FOUND: 404,
  POSTER_NOT_FOUND: 404,
  POSTER_CODE_FAILED: 502,
  // activity stream
  EVENT_TIME_OUT_OF_RANGE: 400,
  EVENT_PROPS_TOO_LARGE: 413,
  DEAD_LETTER_NOT_FOUND: 404,
  DEAD_LETTER_REPLAY_FAILED: 409,
  // brand settings and the home page
  HOME_IMAGE_NOT_FOUND: 422,
  HOME_CONTENT_NOT_FOUND: 422,
  // the lead workspace
  LEAD_NOT_FOUND: 404,
  LEAD_NOT_YOURS: 403,
  LEAD_PHONE_HIDDEN: 403,
  LEAD_PHONE_MISSING: 404,
  TAG_LIMIT_REACHED: 409,
  // accounts (ABM)
  ACCOUNT_NOT_FOUND: 404,
  ACCOUNT_NOT_YOURS: 403,
  ACCOUNT_MERGE_INVALID: 409,
  ACCOUNT_NAME_TAKEN: 409,
  ACCOUNT_IMPORT_INVALID: 422,
  ACCOUNT_IMPORT_UNREADABLE: 400,
  CONTACT_NOT_IN_ACCOUNT: 404,
  STAFF_NOT_FOUND: 404,
  // scoring and lifecycle stages
  STAGE_TRANSITION_INVALID: 409,
  STAGE_REASON_REQUIRED: 422,
  STAGE_NOT_ALLOWED: 403,
  // feedback from sales and the calibration report
  FEEDBACK_STAGE_INVALID: 409,
  FOLLOW_UP_DATE_PAST: 422,
  CALIBRATION_STALE: 409,
  CALIBRATION_SUGGESTION_UNKNOWN: 409,
  // sales organisation and routing
  SALES_GROUP_NOT_FOUND: 404,
  SALES_GROUP_NOT_YOURS: 403,
  SALES_MEMBER_NOT_FOUND: 404,
  SALES_MEMBER_INVALID: 409,
  SALES_MANAGER_INVALID: 409,
  ROUTING_GROUP_UNKNOWN: 422,
  REASSIGN_NOT_ALLOWED: 403,
  REASSIGN_TARGET_INVALID: 409,
  // person merges
  MERGE_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  UNMERGE_NOT_EXACT: 409,
  IDENTIFIER_BELONGS_TO_STAFF: 409,
  IDENTIFIER_CONFLICT_NOT_FOUND: 404,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId: string;
}

export function httpStatusOf(code: ErrorCode): number {
  return ErrorCodes[code];
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    (value as ErrorBody).code in ErrorCodes
  );
}
