/** Names of sandbox test people: letters, digits, _ - or Chinese, at most 32. */
export const SANDBOX_PERSONA_PATTERN = /^[\w\u4e00-\u9fa5-]{1,32}$/;
/** Mainland mobile numbers, the only ones the sandbox mints phone codes for. */
export const MAINLAND_PHONE_PATTERN = /^1[3-9]\d{9}$/;
