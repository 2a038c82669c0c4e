import type { FitGrade, LeadStage } from '@leadloop/shared';
import { Tag } from '@/ui';
import { gradeTone, stageLabel, stageTone } from '../services/lead-format';

/** Stage and fit grade, as every lead view shows them. */
export function LeadBadges({ stage, grade }: { stage: LeadStage; grade: FitGrade }) {
  return (
    <>
      <Tag tone={stageTone(stage)}>{stageLabel(stage)}</Tag>
      <Tag tone={gradeTone(grade)}>{`${grade} 级`}</Tag>
    </>
  );
}
