import { FitGrades, type FitGrade, type LeadListItem, LeadSortLabels, LeadSorts, type LeadSort, LeadStageLabels, LeadStages, type LeadStage } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { platform } from '@/core/platform';
import { Routes } from '@/core/routes';
import { listAllChannels } from '@/modules/channels/services/channels.service';
import { ActionButton, Card, CheckOption, formatMonthDayTime, ResourceTable, Tappable, TextField, type TableColumn } from '@/ui';
import { useLeadList } from '../hooks/useLeadList';
import { describeLeadError, sourceActionLabel } from '../services/lead-format';
import type { LeadFilters } from '../services/leads.service';
import { BulkTagBar } from './BulkTagBar';
import { FilterChips } from './FilterChips';
import { LeadBadges } from './LeadBadges';
import './Leads.scss';

const GradeNames = Object.fromEntries(FitGrades.map((g) => [g, `${g} 级`])) as Record<FitGrade, string>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The typed filters, applied together with 「筛选」 (chips apply at once). */
interface TypedFilters {
  scoreMin: string;
  scoreMax: string;
  province: string;
  city: string;
  industry: string;
  tag: string;
  createdFrom: string;
  createdTo: string;
  activeFrom: string;
  activeTo: string;
}
const NoTyped: TypedFilters = { scoreMin: '', scoreMax: '', province: '', city: '', industry: '', tag: '', createdFrom: '', createdTo: '', activeFrom: '', activeTo: '' };

function typedErrors(t: TypedFilters): Partial<Record<keyof TypedFilters, string>> {
  const errors: Partial<Record<keyof TypedFilters, string>> = {};
  for (const key of ['scoreMin', 'scoreMax'] as const) if (t[key] && !/^\d{1,5}$/.test(t[key])) errors[key] = '请输入 0–99999 的整数';
  if (!errors.scoreMin && !errors.scoreMax && t.scoreMin && t.scoreMax && Number(t.scoreMin) > Number(t.scoreMax)) errors.scoreMax = '不能低于最低分';
  for (const key of ['createdFrom', 'createdTo', 'activeFrom', 'activeTo'] as const) if (t[key] && !DAY.test(t[key])) errors[key] = '格式：2026-12-01';
  return errors;
}

function appliedOf(t: TypedFilters): LeadFilters {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(t)) if (value.trim()) out[key] = key.startsWith('score') ? Number(value) : value.trim();
  return out as LeadFilters;
}

interface Picked {
  owner?: { id: string; name: string };
  account?: { id: string; name: string };
}

/**
 * The console's lead pool: filters (stage, grade, score, owner, channel, source content, account,
 * tag, region, industry, dates), the sort, keyset pages, and rows to select and tag. Owner and account
 * are filtered by clicking them in the table; a report's link arrives with its content filter.
 */
export function LeadPoolView({ initial, sourceTitle }: { initial: LeadFilters; sourceTitle?: string }) {
  const [stage, setStage] = useState<LeadStage | undefined>(initial.stage);
  const [grade, setGrade] = useState<FitGrade | undefined>(initial.grade);
  const [sort, setSort] = useState<LeadSort>((initial.sort as LeadSort) ?? 'score');
  const [channel, setChannel] = useState<string | undefined>(initial.channel);
  const [picked, setPicked] = useState<Picked>({});
  const [source, setSource] = useState(initial.contentId ? { contentType: initial.contentType, contentId: initial.contentId, action: initial.action, minutes: initial.minutes } : null);
  const [typed, setTyped] = useState<TypedFilters>(NoTyped);
  const [applied, setApplied] = useState<LeadFilters>({});
  const [channels, setChannels] = useState<{ id: string; name: string }[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [more, setMore] = useState(false);
  const errors = typedErrors(typed);

  useEffect(() => {
    listAllChannels()
      .then((all) => setChannels(all.map((c) => ({ id: c.id, name: c.name }))))
      .catch(() => setChannels([]));
  }, []);

  const filters: LeadFilters = {
    ...applied,
    stage,
    grade,
    sort,
    channel,
    owner: picked.owner?.id ?? initial.owner,
    account: picked.account?.id ?? initial.account,
    ...(source ?? {}),
  };
  const list = useLeadList(platform.consoleScope, filters, true, 50);
  useEffect(() => setSelected(new Set()), [JSON.stringify(filters)]);

  const set = (key: keyof TypedFilters) => (value: string) => setTyped((t) => ({ ...t, [key]: value }));
  const apply = () => Object.keys(errors).length === 0 && setApplied(appliedOf(typed));
  const reset = () => {
    setTyped(NoTyped);
    setApplied({});
    setStage(undefined);
    setGrade(undefined);
    setChannel(undefined);
    setPicked({});
    setSource(null);
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const open = (lead: LeadListItem) => void Taro.navigateTo({ url: `${Routes.consoleLead}?id=${encodeURIComponent(lead.id)}` });

  const pageIds = list.items?.map((l) => l.id) ?? [];
  const allPicked = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const columns: TableColumn<LeadListItem>[] = [
    {
      title: '选择',
      className: 'lead-table__pick',
      render: (lead) => (
        <CheckOption checked={selected.has(lead.id)} onChange={(on) => toggle(lead.id, on)}>
          <Text className='lead-table__pick-name'>选择 {lead.displayName}</Text>
        </CheckOption>
      ),
    },
    {
      title: '客户',
      tone: 'strong',
      className: 'lead-table__main',
      render: (lead) => (
        <Tappable className='ll-stack' label={`查看 ${lead.displayName}`} onTap={() => open(lead)}>
          <Text className='lead-table__link'>{lead.displayName}</Text>
          <Text className='ll-muted'>{[lead.company, lead.title].filter(Boolean).join(' · ') || '公司未填写'}</Text>
        </Tappable>
      ),
    },
    {
      title: '阶段 / 等级',
      render: (lead) => (
        <View className='ll-row'>
          <LeadBadges stage={lead.stage} grade={lead.grade} />
        </View>
      ),
    },
    { title: '意向分', render: (lead) => <Text className='lead-row__score'>{lead.score}</Text> },
    {
      title: '负责人',
      render: (lead) =>
        lead.owner ? (
          <Tappable className='lead-table__link' role='button' label={`只看 ${lead.owner.name} 的线索`} onTap={() => setPicked((p) => ({ ...p, owner: lead.owner ?? undefined }))}>
            <Text>{lead.owner.name}</Text>
          </Tappable>
        ) : (
          <Text className='ll-muted'>未分配</Text>
        ),
    },
    {
      title: '客户公司',
      render: (lead) =>
        lead.account ? (
          <Tappable className='lead-table__link' role='button' label={`只看 ${lead.account.name} 的联系人`} onTap={() => setPicked((p) => ({ ...p, account: lead.account ?? undefined }))}>
            <Text>{lead.account.name}</Text>
          </Tappable>
        ) : (
          <Text className='ll-muted'>—</Text>
        ),
    },
    { title: '手机', tone: 'muted', render: (lead) => lead.phoneMasked ?? '—' },
    { title: '最近互动', tone: 'muted', render: (lead) => `${lead.lastActivity.label} · ${formatMonthDayTime(lead.lastActivity.at)}` },
  ];

  return (
    <View className='ll-stack'>
      <Card title='筛选' extra={<ActionButton variant='ghost' small block={false} onClick={reset}>清空条件</ActionButton>}>
        <View className='lead-pool__filters'>
          {source && (
            <View className='lead-pool__source'>
              <Text>
                来源内容：{sourceTitle ? `《${sourceTitle}》` : source.contentType === 'live' ? '直播' : '白皮书'} · {sourceActionLabel(source.action, source.minutes as number | undefined)}
              </Text>
              <ActionButton variant='ghost' small block={false} onClick={() => setSource(null)}>
                取消该条件
              </ActionButton>
            </View>
          )}
          {(picked.owner || picked.account) && (
            <View className='ll-row'>
              {picked.owner && (
                <ActionButton variant='secondary' small block={false} label={`取消负责人 ${picked.owner.name}`} onClick={() => setPicked((p) => ({ ...p, owner: undefined }))}>
                  负责人：{picked.owner.name} ×
                </ActionButton>
              )}
              {picked.account && (
                <ActionButton variant='secondary' small block={false} label={`取消客户公司 ${picked.account.name}`} onClick={() => setPicked((p) => ({ ...p, account: undefined }))}>
                  客户公司：{picked.account.name} ×
                </ActionButton>
              )}
            </View>
          )}
          <FilterChips label='排序' options={LeadSorts} names={LeadSortLabels} value={sort} onChange={(v) => setSort(v ?? 'score')} allowAll={false} />
          <FilterChips label='阶段' options={LeadStages} names={LeadStageLabels} value={stage} onChange={setStage} />
          <FilterChips label='等级' options={FitGrades} names={GradeNames} value={grade} onChange={setGrade} />
          {channels.length > 0 && (
            <FilterChips label='首次渠道' options={channels.map((c) => c.id)} names={Object.fromEntries(channels.map((c) => [c.id, c.name]))} value={channel} onChange={setChannel} />
          )}
          <View className='lead-pool__fields'>
            <TextField label='意向分不低于' type='number' value={typed.scoreMin} onChange={set('scoreMin')} maxlength={5} error={errors.scoreMin} onConfirm={apply} />
            <TextField label='意向分不高于' type='number' value={typed.scoreMax} onChange={set('scoreMax')} maxlength={5} error={errors.scoreMax} onConfirm={apply} />
            <TextField label='行业' value={typed.industry} onChange={set('industry')} maxlength={40} placeholder='如：制造业' onConfirm={apply} />
            <TextField label='标签' value={typed.tag} onChange={set('tag')} maxlength={20} placeholder='如：重点客户' onConfirm={apply} />
            {more && (
              <>
                <TextField label='省份' value={typed.province} onChange={set('province')} maxlength={20} placeholder='如：广东' onConfirm={apply} />
                <TextField label='城市' value={typed.city} onChange={set('city')} maxlength={20} placeholder='如：深圳' onConfirm={apply} />
                <TextField label='创建日期从' value={typed.createdFrom} onChange={set('createdFrom')} maxlength={10} placeholder='2026-12-01' error={errors.createdFrom} onConfirm={apply} />
                <TextField label='创建日期到' value={typed.createdTo} onChange={set('createdTo')} maxlength={10} placeholder='2026-12-31' error={errors.createdTo} onConfirm={apply} />
                <TextField label='最近互动从' value={typed.activeFrom} onChange={set('activeFrom')} maxlength={10} placeholder='2026-12-01' error={errors.activeFrom} onConfirm={apply} />
                <TextField label='最近互动到' value={typed.activeTo} onChange={set('activeTo')} maxlength={10} placeholder='2026-12-31' error={errors.activeTo} onConfirm={apply} />
              </>
            )}
          </View>
          <View className='ll-row lead-pool__apply'>
            <ActionButton small block={false} disabled={Object.keys(errors).length > 0} onClick={apply}>
              筛选
            </ActionButton>
            <ActionButton small block={false} variant='ghost' onClick={() => setMore((m) => !m)}>
              {more ? '收起' : '更多条件（地区、日期）'}
            </ActionButton>
          </View>
        </View>
      </Card>

      {list.items && (list.items.length > 0 || selected.size > 0) && (
        <View className='lead-pool__selection'>
          <View className='ll-row'>
            <CheckOption className='lead-pool__select-page' checked={allPicked} onChange={(on) => setSelected(on ? new Set([...selected, ...pageIds]) : new Set())}>
              <Text>全选已加载的线索</Text>
            </CheckOption>
            {selected.size > 0 && <Text className='lead-pool__count'>已选择 {selected.size} 位客户</Text>}
          </View>
          {/* read again after a change: a pool filtered by that tag gains or loses rows */}
          <BulkTagBar selected={[...selected]} onChanged={list.reload} />
        </View>
      )}

      <ResourceTable
        list={list}
        title='线索池'
        subtitle={(items, hasMore) => `${hasMore ? `已加载 ${items.length} 条` : `共 ${items.length} 条`}，${sort === 'follow_up' ? '按下次跟进日期从近到远' : `按${LeadSortLabels[sort]}从高到低`}`}
        describeError={describeLeadError}
        block='lead-table'
        columns={columns}
        rowKey={(lead) => lead.id}
        empty='没有符合条件的线索。调整或清空筛选条件试试。'
      />
    </View>
  );
}
