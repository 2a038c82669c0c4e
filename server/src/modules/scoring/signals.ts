import { IntentSignals, type ContentType, type IntentSignal } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import type { ActivityProps } from '../activity/activity';
import type { EventEntity } from '../activity/activity.entity';
import { readTime } from '../../database/sql';
import type { Signal } from './rules';

const Scored: ReadonlySet<string> = new Set(IntentSignals.filter((s) => s !== 'share_visitor'));

type EventRow = Pick<EventEntity, 'id' | 'origin' | 'type' | 'personId' | 'anonymousId' | 'shareNodeId' | 'props' | 'discount' | 'occurredAt'>;
interface NodeRow {
  id: string;
  sharer_person_id: string;
  content_type: ContentType;
  content_id: string;
}

/**
 * What the stream's events mean to intent rules. A server activity of a scored kind is a signal of
 * its person. A visit through someone's share (an app `entry` with a share node, not a crawler or
 * an unknown token, not the sharer themselves) is a `share_visitor` signal of the sharer: the share
 * node names who shared, and the visitor (install, else person) and content say which visit it is,
 * so one visitor brought to one content counts once however often they come back.
 */
export async function signalsOf(em: EntityManager, events: readonly EventRow[]): Promise<Signal[]> {
  const nodeIds = [...new Set(events.flatMap((e) => (isShareEntry(e) ? [e.shareNodeId!] : [])))];
  const nodes = new Map<string, NodeRow>();
  if (nodeIds.length > 0) {
    const rows: NodeRow[] = await em.query(`SELECT id, sharer_person_id, content_type, content_id FROM share_nodes WHERE id IN (${nodeIds.map(() => '?').join(', ')})`, nodeIds);
    for (const n of rows) nodes.set(n.id, n);
  }
  return events.flatMap((e): Signal[] => {
    if (e.origin === 'server' && e.personId && Scored.has(e.type)) {
      const props = (e.props ? JSON.parse(e.props) : {}) as Partial<ActivityProps>;
      return [{ personId: e.personId, signal: e.type as IntentSignal, eventId: e.id, at: readTime(e.occurredAt), contentType: props.contentType ?? null, contentId: props.contentId ?? null, value: props.value ?? null, identity: e.id }];
    }
    const node = isShareEntry(e) ? nodes.get(e.shareNodeId!) : undefined;
    const visitor = e.anonymousId ? `a:${e.anonymousId}` : e.personId ? `p:${e.personId}` : null;
    if (!node || !visitor || e.personId === node.sharer_person_id) return [];
    return [{ personId: node.sharer_person_id, signal: 'share_visitor', eventId: e.id, at: readTime(e.occurredAt), contentType: node.content_type, contentId: node.content_id, value: null, identity: `v:${node.content_type}|${node.content_id}|${visitor}` }];
  });
}

function isShareEntry(e: EventRow): boolean {
  return e.origin === 'app' && e.type === 'entry' && e.shareNodeId !== null && e.discount === null;
}

const COLUMNS = 'e.id, e.origin, e.type, e.person_id AS personId, e.anonymous_id AS anonymousId, e.share_node_id AS shareNodeId, e.props, e.discount, e.occurred_at AS occurredAt';

/**
 * Every signal of these people, oldest first, for a full re-score: their own activities (by the
 * events' person index) and the visits their shares brought (their share nodes, then the events
 * through each node, both by index).
 */
export async function historyOf(em: EntityManager, personIds: readonly string[]): Promise<Signal[]> {
  if (personIds.length === 0) return [];
  const marks = personIds.map(() => '?').join(', ');
  const kinds = [...Scored];
  const own: EventRow[] = await em.query(`SELECT ${COLUMNS} FROM events e WHERE e.person_id IN (${marks}) AND e.origin = 'server' AND e.type IN (${kinds.map(() => '?').join(', ')})`, [...personIds, ...kinds]);
  const visits: EventRow[] = await em.query(
    `SELECT ${COLUMNS} FROM share_nodes n JOIN events e ON e.share_node_id = n.id WHERE n.sharer_person_id IN (${marks}) AND e.type = 'entry' AND e.origin = 'app'`,
    personIds,
  );
  const signals = await signalsOf(em, [...own, ...visits]);
  return signals.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
}
