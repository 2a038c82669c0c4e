import { type SignalKind, SignalKindLabels } from '@leadloop/shared';

/** Subscribe-message `thing` fields hold at most 20 characters. */
const THING_MAX = 20;

export interface MessageSignal {
  kind: SignalKind;
  personId: string | null;
  detail: string | null;
  createdAt: Date;
}

const clip = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

/**
 * One message for a burst of signals, newest lead first: "王总 有新动态" for one lead,
 * "王总 及 另外 3 位客户有新动态" for several; the second line names the newest signal, or
 * how many there are.
 */
export function composeMessage(signals: readonly MessageSignal[], names: ReadonlyMap<string, string>): { summary: string; detail: string; leads: number } {
  const newest = [...signals].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const leads = [...new Set(newest.flatMap((s) => (s.personId ? [s.personId] : [])))];
  const latest = newest[0];
  let summary: string;
  if (leads.length === 0) summary = SignalKindLabels[latest.kind];
  else {
    const suffix = leads.length === 1 ? ' 有新动态' : ` 及 另外 ${leads.length - 1} 位客户有新动态`;
    summary = `${clip(names.get(leads[0]) ?? '客户', Math.max(2, THING_MAX - suffix.length))}${suffix}`;
  }
  const label = SignalKindLabels[latest.kind];
  const detail = newest.length > 1 ? `${label} 等 ${newest.length} 条动态` : latest.detail ? `${label}：${latest.detail}` : label;
  return { summary: clip(summary, THING_MAX), detail: clip(detail, THING_MAX), leads: leads.length };
}

/** A time field as WeChat shows it: Beijing time, "2026-12-03 18:30". */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
