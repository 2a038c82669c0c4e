import type { CalibrationGroup, CalibrationQuery, CalibrationReport } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { ActionButton, Card, CheckOption, DataTable, Loading, Notice, RetryCard, type TableColumn } from '@/ui';
import { applyCalibration, describeHandoffError, fetchCalibration } from '../services/handoff.service';
import { DayField } from './DayField';
import './Handoff.scss';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const hours = (h: number | null) => (h === null ? '—' : h < 1 ? '1 小时内' : h < 24 ? `${h} 小时` : `${Math.round((h / 24) * 10) / 10} 天`);
const reasons = (g: CalibrationGroup) => g.rejectReasons.map((r) => `${r.label} ${r.count}`).join('，') || '—';

/** A figure column; at phone width the header row gives way to a label in each cell. */
function figure<T>(title: string, text: (row: T) => string, extra: Partial<TableColumn<T>> = {}): TableColumn<T> {
  return {
    title,
    render: (row) => (
      <>
        <Text className='calibration__cell-label'>{`${title}：`}</Text>
        {text(row)}
      </>
    ),
    ...extra,
  };
}

/** The figures every grouping shows, after its own first column(s). */
const FigureColumns: TableColumn<CalibrationGroup>[] = [
  figure('MQL', (g) => String(g.mqls)),
  figure('接受率', (g) => `${percent(g.acceptRate)}（${g.accepted}）`),
  figure('退回原因', reasons, { className: 'calibration__reasons' }),
  figure('转商机率', (g) => `${percent(g.opportunityRate)}（${g.opportunities}）`),
  figure('赢单率', (g) => `${percent(g.winRate)}（${g.won}）`),
  figure('接受用时（中位）', (g) => hours(g.medianHoursToAccept), { tone: 'muted' }),
];
const named = (title: string): TableColumn<CalibrationGroup> => ({ title, render: (g) => g.label, tone: 'strong' });
type RuleGroup = CalibrationReport['byRule'][number];
const RuleColumns: TableColumn<RuleGroup>[] = [
  { title: '评分规则', render: (g) => g.label, tone: 'strong' },
  figure<RuleGroup>('类型', (g) => (g.dimension === 'fit' ? '能力' : '意愿'), { tone: 'muted' }),
  figure<RuleGroup>('分值', (g) => String(g.points)),
  ...FigureColumns,
];

function Overall({ g }: { g: CalibrationGroup }) {
  const figures: [string, string][] = [
    ['MQL', String(g.mqls)],
    ['销售接受率', percent(g.acceptRate)],
    ['转商机率', percent(g.opportunityRate)],
    ['赢单率', percent(g.winRate)],
    ['接受用时（中位）', hours(g.medianHoursToAccept)],
  ];
  return (
    <View className='calibration__overall'>
      {figures.map(([label, value]) => (
        <View key={label} className='calibration__figure'>
          <Text className='calibration__value'>{value}</Text>
          <Text className='ll-muted'>{label}</Text>
        </View>
      ))}
      <Text className='ll-muted'>退回原因：{reasons(g)}</Text>
    </View>
  );
}

/** The suggested weight changes, ticked by default; one action saves them as a new rule version. */
function Suggestions({ report, query, onApplied }: { report: CalibrationReport; query: CalibrationQuery; onApplied(version: number): void }) {
  const [chosen, setChosen] = useState<string[]>(() => report.suggestions.map((s) => s.ruleKey));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (report.suggestions.length === 0) return <Text className='ll-muted'>{`没有需要调整的规则：每条规则至少要有 ${report.minSample} 条 MQL，且接受率明显高于或低于整体，才会给出建议。`}</Text>;
  const apply = async () => {
    setSending(true);
    setError(null);
    try {
      onApplied((await applyCalibration({ ruleVersion: report.ruleVersion, ruleKeys: chosen, ...query })).version);
    } catch (failure) {
      setError(describeHandoffError(failure));
    } finally {
      setSending(false);
    }
  };
  return (
    <View>
      {report.suggestions.map((s) => (
        <CheckOption key={s.ruleKey} className='calibration__suggestion' checked={chosen.includes(s.ruleKey)} onChange={(on) => setChosen((keys) => (on ? [...keys, s.ruleKey] : keys.filter((k) => k !== s.ruleKey)))}>
          <Text className='handoff-item__label'>{`${s.label}：${s.currentPoints} → ${s.suggestedPoints} 分`}</Text>
          <Text className='ll-muted'>{s.evidence}</Text>
        </CheckOption>
      ))}
      {error && <Notice tone='error'>{error}</Notice>}
      <ActionButton small block={false} className='calibration__apply' loading={sending} disabled={sending || chosen.length === 0} onClick={() => void apply()}>
        应用所选建议
      </ActionButton>
    </View>
  );
}

/**
 * How MQLs fared with sales — per scoring rule, per channel, per source: accepted, rejected and
 * why, turned into opportunities and won, how long acceptance took — and the rule weights the
 * evidence suggests, applied as a new rule version (every lead re-scored in the background).
 */
export function CalibrationView() {
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [query, setQuery] = useState<CalibrationQuery>({});
  const [applied, setApplied] = useState<number | null>(null);
  const load = useCallback(() => fetchCalibration(query), [query]);
  const { data: report, error, reload } = useApiResource(load);
  const search = () => setQuery({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
  return (
    <View className='calibration'>
      <Card title='统计范围' subtitle='按线索成为 MQL 的日期统计（北京时间），不填即全部'>
        <View className='calibration__range'>
          <DayField label='开始日期' name='calibration-from' value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} />
          <DayField label='结束日期' name='calibration-to' value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} />
        </View>
        <ActionButton small block={false} variant='secondary' onClick={search}>
          查询
        </ActionButton>
      </Card>
      {!report ? (
        error ? <RetryCard message={describeHandoffError(error)} onRetry={reload} /> : <Loading />
      ) : (
        <>
          <Card title='整体' subtitle={`当前为第 ${report.ruleVersion} 版评分规则`}>
            <Overall g={report.overall} />
          </Card>
          <Card title='调整建议' subtitle='按销售接受率相对整体的高低，等比例调整规则分值（单次最多减半或增加一半）'>
            {applied !== null && <Notice tone='success'>{`已保存为第 ${applied} 版评分规则，所有线索正在后台重新评分。`}</Notice>}
            <Suggestions
              key={`${report.ruleVersion}-${report.suggestions.map((s) => s.ruleKey).join()}`}
              report={report}
              query={query}
              onApplied={(version) => {
                setApplied(version);
                reload();
              }}
            />
          </Card>
          <Card title='按评分规则' subtitle='线索成为 MQL 时已命中的规则'>
            <DataTable block='calibration-rules' columns={RuleColumns} rows={report.byRule} rowKey={(g) => g.key} empty='这段时间没有 MQL。' />
          </Card>
          <Card title='按渠道' subtitle='线索首次到访的渠道'>
            <DataTable block='calibration-channels' columns={[named('渠道'), ...FigureColumns]} rows={report.byChannel} rowKey={(g) => g.key} empty='这段时间没有 MQL。' />
          </Card>
          <Card title='按来源' subtitle='线索因什么行为产生'>
            <DataTable block='calibration-sources' columns={[named('来源'), ...FigureColumns]} rows={report.bySource} rowKey={(g) => g.key} empty='这段时间没有 MQL。' />
          </Card>
        </>
      )}
    </View>
  );
}
