import { FitGrades, type FitGrade, type LeadSort, LeadStageLabels, type LeadStage } from '@leadloop/shared';
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Routes } from '@/core/routes';
import { ActionButton, Card, Loading, Notice, RetryCard } from '@/ui';
import { useLeadList } from '../hooks/useLeadList';
import { describeLeadError } from '../services/lead-format';
import { FilterChips } from './FilterChips';
import { LeadRow } from './LeadRow';
import './Leads.scss';

/** Stages a salesperson works in (won / lost / nurture are reached from the console). */
const WorkingStages: LeadStage[] = ['new', 'engaged', 'mql', 'sal', 'sql'];
const GradeNames = Object.fromEntries(FitGrades.map((g) => [g, `${g} 级`])) as Record<FitGrade, string>;
type MySort = 'score' | 'activity' | 'follow_up';
const SortNames: Record<MySort, string> = { score: '意向最高', activity: '最近互动', follow_up: '待跟进' };

/** 我的线索: the leads I own, the most promising (or most recently active, or the next to follow up) first, filtered by stage and grade. */
export function MyLeadsView() {
  const [stage, setStage] = useState<LeadStage | undefined>();
  const [grade, setGrade] = useState<FitGrade | undefined>();
  const [sort, setSort] = useState<LeadSort>('score');
  const list = useLeadList('app', { stage, grade, sort });
  const open = (id: string) => void Taro.navigateTo({ url: `${Routes.leadDetail}?id=${encodeURIComponent(id)}` });

  return (
    <Card title='我的线索' subtitle={list.items ? `${list.items.length}${list.hasMore ? '+' : ''} 条线索` : undefined}>
      <FilterChips label='排序' options={['score', 'activity', 'follow_up'] as const} names={SortNames} value={sort as MySort} onChange={(v) => setSort(v ?? 'score')} allowAll={false} />
      <FilterChips label='阶段' options={WorkingStages} names={LeadStageLabels} value={stage} onChange={setStage} />
      <FilterChips label='等级' options={FitGrades} names={GradeNames} value={grade} onChange={setGrade} />
      {list.error && list.items ? <Notice tone='error'>{describeLeadError(list.error)}</Notice> : null}
      {!list.items && (list.error ? <RetryCard message={describeLeadError(list.error)} onRetry={list.reload} /> : <Loading />)}
      {list.items && list.items.length === 0 && (
        <Text className='ll-muted'>{sort === 'follow_up' ? '没有待跟进的线索。记录跟进时填写下次跟进日期，线索就会出现在这里。' : stage || grade ? '没有符合条件的线索，换个筛选条件试试。' : '还没有线索。把直播、白皮书或名片分享给客户，客户报名、下载或留言后会出现在这里。'}</Text>
      )}
      {list.items?.map((lead) => <LeadRow key={lead.id} lead={lead} onOpen={() => open(lead.id)} />)}
      {list.items && list.hasMore && (
        <ActionButton variant='ghost' loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          加载更多
        </ActionButton>
      )}
    </Card>
  );
}
