import { ClientEventTypes, LeadTimelineKindLabels, LeadTimelineKinds } from '@leadloop/shared';
import { ActivityKinds } from '../activity/activity';
import { EventTimelineKinds, TimelinePlacements } from './lead-timeline-kinds';

/** A label as staff read it: Chinese, no code names (`card_return`), no ids. */
const CHINESE_LINE = /^[\u4e00-\u9fa5][\u4e00-\u9fa5：《》（）·\s]*$/;

describe('what reaches a lead’s timeline, and what it is called there', () => {
  const storedTypes = [...ClientEventTypes, ...ActivityKinds];

  it('places every stored event type: a timeline kind, the table behind it, or hidden with a reason', () => {
    for (const type of storedTypes) {
      const placement = TimelinePlacements[type];
      expect({ type, placed: placement !== undefined }).toEqual({ type, placed: true });
      if ('hidden' in placement) expect(placement.hidden.length).toBeGreaterThan(10);
      else expect(LeadTimelineKinds).toContain(placement.kind);
    }
    // nothing placed that the stream cannot hold
    expect(Object.keys(TimelinePlacements).sort()).toEqual([...storedTypes].sort());
  });

  it('gives every timeline kind a Chinese label of its own', () => {
    const labels = LeadTimelineKinds.map((kind) => LeadTimelineKindLabels[kind]);
    for (const [i, label] of labels.entries()) expect({ kind: LeadTimelineKinds[i], label, chinese: CHINESE_LINE.test(label ?? '') }).toEqual({ kind: LeadTimelineKinds[i], label, chinese: true });
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('reads the activities a person does from the stream, and stage and profile changes from their own records', () => {
    for (const kind of ['watch', 'card_return', 'survey', 'consent_withdrawn', 'sales_rejected', 'download', 'signup', 'attend'] as const) expect(EventTimelineKinds.get(kind)).toBe(kind);
    expect(EventTimelineKinds.get('entry')).toBe('touch');
    for (const type of ['stage_change', 'profile_update', 'action']) expect(EventTimelineKinds.has(type)).toBe(false);
    expect(TimelinePlacements.stage_change).toEqual({ table: 'lead_stage_changes', kind: 'stage_change' });
    expect(TimelinePlacements.profile_update).toEqual({ table: 'profile_changes', kind: 'profile_edit' });
  });
});
