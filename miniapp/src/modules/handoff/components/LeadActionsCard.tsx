import { chinaDayOf, formatFen, type FeedbackKind, type LeadHandoff } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ApiResource } from '@/core/api/useApiResource';
import type { SessionScope } from '@/core/session/session-store';
import { ActionButton, Card, formatDateTime, Loading, RetryCard, Tag } from '@/ui';
import { describeHandoffError } from '../services/handoff.service';
import { FeedbackPanel } from './FeedbackPanel';
import { StageMovePanel } from './StageMovePanel';
import './Handoff.scss';

const ActionLabels: Record<FeedbackKind, string> = { accept: '接受线索', reject: '退回', contact: '记录跟进', opportunity: '转为商机', won: '赢单', lost: '输单' };

/** 待跟进 12-08, 今天待跟进, 跟进已逾期 (12-01). */
function FollowUpTag({ on, due }: { on: string; due: boolean }) {
  if (!due) return <Tag tone='brand'>{`待跟进 ${on}`}</Tag>;
  return on === chinaDayOf(new Date()) ? <Tag tone='warning'>今天待跟进</Tag> : <Tag tone='danger'>{`跟进已逾期（${on}）`}</Tag>;
}

function Status({ handoff }: { handoff: LeadHandoff }) {
  const { followUpOn, followUpDue, opportunity, wonAmountFen } = handoff;
  if (!followUpOn && !opportunity && wonAmountFen === null) return null;
  return (
    <View className='handoff-status'>
      {followUpOn && <FollowUpTag on={followUpOn} due={followUpDue} />}
      {opportunity && <Text className='ll-muted'>{`商机 ${formatFen(opportunity.amountFen)} · 预计 ${opportunity.expectedCloseOn} 成交`}</Text>}
      {wonAmountFen !== null && <Tag tone='success'>{`成交 ${formatFen(wonAmountFen)}`}</Tag>}
    </View>
  );
}

/**
 * The lead's action area: what sales may do at this stage (accept, reject with a reason, log a
 * contact with the next follow-up, the opportunity, won or lost) and, for marketing, a manual
 * stage move with a reason; the next follow-up and the deal; the latest feedback.
 */
export function LeadActionsCard({ scope, id, handoff, onChanged }: { scope: SessionScope; id: string; handoff: ApiResource<LeadHandoff>; onChanged(): void }) {
  const [open, setOpen] = useState<FeedbackKind | 'stage' | null>(null);
  const data = handoff.data;
  if (!data) return handoff.error ? <RetryCard message={describeHandoffError(handoff.error)} onRetry={handoff.reload} /> : <Loading />;
  const done = () => {
    setOpen(null);
    onChanged();
  };
  const none = data.actions.length === 0 && data.stageMoves.length === 0;
  return (
    <Card title='销售跟进' subtitle='接受、退回、跟进、商机和成单都会记入阶段记录和动态' className='handoff-card'>
      <Status handoff={data} />
      {open === 'stage' ? (
        <StageMovePanel scope={scope} id={id} moves={data.stageMoves} onDone={done} onCancel={() => setOpen(null)} />
      ) : open ? (
        <FeedbackPanel scope={scope} id={id} kind={open} amountFen={data.opportunity?.amountFen ?? null} onDone={done} onCancel={() => setOpen(null)} />
      ) : (
        <View className='handoff-actions'>
          {data.actions.map((kind) => (
            <ActionButton key={kind} small block={false} variant={kind === 'accept' || kind === 'won' ? 'primary' : 'secondary'} className={`handoff-action handoff-action--${kind}`} onClick={() => setOpen(kind)}>
              {kind === 'opportunity' && data.opportunity ? '更新商机' : ActionLabels[kind]}
            </ActionButton>
          ))}
          {data.stageMoves.length > 0 && (
            <ActionButton small block={false} variant='ghost' className='handoff-action handoff-action--stage' onClick={() => setOpen('stage')}>
              调整阶段
            </ActionButton>
          )}
        </View>
      )}
      {none && <Text className='ll-muted'>这条线索在当前阶段没有需要销售处理的操作。</Text>}
      {data.recent.length > 0 && (
        <>
          <Text className='handoff-section'>最近跟进</Text>
          {data.recent.map((f) => (
            <View key={f.id} className='handoff-item'>
              <View className='handoff-item__text'>
                <Text className='handoff-item__label'>{f.label}</Text>
                <Text>{[f.detail, f.note].filter(Boolean).join(' · ')}</Text>
                <Text className='ll-muted'>
                  {formatDateTime(f.at)} · {f.by}
                </Text>
              </View>
            </View>
          ))}
        </>
      )}
    </Card>
  );
}
