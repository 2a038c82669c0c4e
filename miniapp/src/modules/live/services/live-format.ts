/**
 * How live events read on screen. Times are shown in Beijing time (UTC+8) whatever the device's
 * time zone: the events are scheduled for a Chinese audience and a marketer on a laptop abroad
 * must see the same "19:00" as the prospect.
 */

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const pad = (n: number) => String(n).padStart(2, '0');

interface BeijingParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

function beijingParts(iso: string): BeijingParts | null {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: d.getUTCDay() };
}

/** 11月23日 19:00 */
export function formatLiveTime(iso: string): string {
  const p = beijingParts(iso);
  return p ? `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}` : iso;
}

/** 11月23日 周一 19:00–21:00, or both dates when the event runs past midnight. */
export function formatLiveRange(startIso: string, endIso: string): string {
  const s = beijingParts(startIso);
  const e = beijingParts(endIso);
  if (!s || !e) return `${startIso} – ${endIso}`;
  const start = `${s.month}月${s.day}日 ${WEEKDAYS[s.weekday]} ${pad(s.hour)}:${pad(s.minute)}`;
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  return sameDay ? `${start}–${pad(e.hour)}:${pad(e.minute)}` : `${start} – ${e.month}月${e.day}日 ${pad(e.hour)}:${pad(e.minute)}`;
}

/** 「免费」, 「¥99」, 「¥99.50」 */
export function formatPrice(fen: number): string {
  if (fen <= 0) return '免费';
  return fen % 100 === 0 ? `¥${fen / 100}` : `¥${(fen / 100).toFixed(2)}`;
}

/** Amounts in reports: 「¥1,299.00」. */
export function formatMoney(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${yuan}.${pad(abs % 100)}`;
}

/** 「99.5」 typed by a marketer → 9950 fen; null when it is not an amount (at most two decimals). */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 9950 → 「99.50」, 9900 → 「99」: the amount as the price field shows it. */
export function fenToYuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

/** 「剩余 12 个名额」, 「仅剩 3 个名额」, 「名额已满」 */
export function formatSeats(seatsLeft: number, capacity: number): string {
  if (seatsLeft <= 0) return '名额已满';
  return seatsLeft <= Math.max(5, Math.floor(capacity / 10)) ? `仅剩 ${seatsLeft} 个名额` : `剩余 ${seatsLeft} 个名额`;
}

export type LivePhase = 'upcoming' | 'live' | 'ended';

export function livePhase(nowMs: number, startIso: string, endIso: string): LivePhase {
  if (nowMs >= Date.parse(endIso)) return 'ended';
  if (nowMs >= Date.parse(startIso)) return 'live';
  return 'upcoming';
}

/** Time left before the start: 「2 天 03 小时」, 「5 小时 08 分」, 「12 分 05 秒」. */
export function formatCountdown(ms: number): string {
  const left = Math.max(0, ms);
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  const seconds = Math.floor((left % MINUTE) / 1000);
  if (days > 0) return `${days} 天 ${pad(hours)} 小时`;
  if (hours > 0) return `${hours} 小时 ${pad(minutes)} 分`;
  return `${minutes} 分 ${pad(seconds)} 秒`;
}

/** The line under an event's title: the countdown before it, 「直播进行中」 during it, 「已结束」 after. */
export function phaseLine(nowMs: number, startIso: string, endIso: string): string {
  const phase = livePhase(nowMs, startIso, endIso);
  if (phase === 'live') return '直播进行中';
  if (phase === 'ended') return '直播已结束';
  return `距开播 ${formatCountdown(Date.parse(startIso) - nowMs)}`;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A date and a time typed as Beijing time → ISO with its offset; null if either is not real. */
export function beijingIso(date: string, time: string): string | null {
  const d = DATE_PATTERN.exec(date.trim());
  const t = TIME_PATTERN.exec(time.trim());
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${d[1]}-${d[2]}-${d[3]}T${t[1]}:${t[2]}:00+08:00`;
}

/** An instant → the Beijing date and time fields of a form. */
export function splitBeijing(iso: string): { date: string; time: string } {
  const p = beijingParts(iso);
  if (!p) return { date: '', time: '' };
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Reminder offsets as a marketer reads them: 1440 → 「提前 1 天」, 15 → 「提前 15 分钟」. */
export function formatOffset(minutes: number): string {
  if (minutes % 1440 === 0) return `提前 ${minutes / 1440} 天`;
  if (minutes % 60 === 0) return `提前 ${minutes / 60} 小时`;
  return `提前 ${minutes} 分钟`;
}
