import { BuyingRoleLabels, CompanySizeBandLabels, FitFieldLabels, FitGrades, IntentSignalLabels, SeniorityLabels, type FitField, type FitGrade, type PreviewResponse, type RescoreRunView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, CheckOption, ChoiceCards, Loading, Notice, RetryCard, TextField, formatDateTime } from '@/ui';
import { useScoringEditor } from '../hooks/useScoringEditor';
import type { FitRow, IntentRow } from '../services/scoring-console.service';
import './ScoringEditor.scss';

/** Fields whose values are a fixed vocabulary: ticked by name, never typed as codes. */
const FIELD_CHOICES: Partial<Record<FitField, Record<string, string>>> = {
  seniority: SeniorityLabels,
  size_band: CompanySizeBandLabels,
  buying_role: BuyingRoleLabels,
  account_tier: { A: 'A 级', B: 'B 级', C: 'C 级' },
};
const GRADE_HINTS: Record<FitGrade, string> = { A: '仅 A 级', B: 'B 级及以上', C: 'C 级及以上', D: '不限能力' };
const GRADE_NAMES: Record<FitGrade, string> = { A: 'A', B: 'B', C: 'C', D: 'D' };

/** 线索评分: intent and fit rules, grade thresholds, decay and MQL thresholds, a preview, re-score progress. */
export function ScoringEditor() {
  const editor = useScoringEditor();
  const { rules, form, settingsForm } = editor;
  if (!rules || !form || !settingsForm) return editor.loadError ? <RetryCard message={describeError(editor.loadError)} onRetry={editor.reload} /> : <Loading />;

  return (
    <View className='scoring'>
      <View className='scoring__main'>
        <Card title='意愿规则' subtitle='访客的每次互动按规则加分（可为负分），分数随时间按半衰期衰减'>
          {form.intentRules.length === 0 && <Text className='ll-muted'>暂无意愿规则</Text>}
          {form.intentRules.map((rule, i) => (
            <IntentRuleRow key={rule.key} rule={rule} onChange={(patch) => editor.changeIntent(i, patch)} />
          ))}
        </Card>

        <Card title='能力规则' subtitle='根据行业、职级、规模、地区、目标客户等级和采购角色加分，合计分决定能力等级'>
          {form.fitRules.length === 0 && <Text className='ll-muted'>暂无能力规则</Text>}
          {form.fitRules.map((rule, i) => (
            <FitRuleRow key={rule.key} rule={rule} onChange={(patch) => editor.changeFit(i, patch)} />
          ))}
          <View className='scoring__grades'>
            {(['A', 'B', 'C'] as const).map((g) => (
              <View className='scoring__grade' key={g}>
                <TextField label={`${g} 级分数线`} name={`grade-${g}`} type='number' value={form.grades[g]} onChange={(v) => editor.changeGrade(g, v)} maxlength={5} hint={`能力分 ≥ 此值为 ${g} 级`} />
              </View>
            ))}
          </View>
          <Text className='ll-muted'>低于 C 级分数线为 D 级。</Text>
        </Card>

        {editor.problem && <Notice tone='error'>{editor.problem}</Notice>}
        {editor.saved === 'rules' && <Notice tone='success'>{`已保存为第 ${rules.version} 版，正在后台为所有线索重新评分。`}</Notice>}
        <View className='scoring__actions'>
          <ActionButton variant='secondary' block={false} loading={editor.previewing} disabled={editor.previewing} onClick={() => void editor.runPreview()}>
            预览草稿效果
          </ActionButton>
          <ActionButton block={false} loading={editor.saving === 'rules'} disabled={editor.saving !== null} onClick={() => void editor.save()}>
            保存为新版本并重新评分
          </ActionButton>
        </View>
        <Text className='ll-muted scoring__version'>{`当前生效：第 ${rules.version} 版${rules.createdBy ? `，${rules.createdBy} 于 ${formatDateTime(rules.createdAt)} 保存` : '（系统默认规则）'}`}</Text>
      </View>

      <View className='scoring__aside'>
        <RescoreCard run={editor.run} />
        <PreviewCard preview={editor.preview} />
        <Card title='衰减与 MQL 标准' subtitle='能力和意愿同时达标的线索自动成为 MQL'>
          <TextField label='意愿分半衰期（天）' name='halfLifeDays' type='number' value={settingsForm.halfLifeDays} onChange={(v) => editor.changeSettings({ halfLifeDays: v })} maxlength={3} hint='7–365 天；修改后所有线索会重新评分' />
          <ChoiceCards label='MQL 能力等级' options={FitGrades} value={settingsForm.mqlMinGrade} onChange={(v) => editor.changeSettings({ mqlMinGrade: v })} names={GRADE_NAMES} hints={GRADE_HINTS} optionClassName='scoring__mql-grade' />
          <TextField label='MQL 意愿分（不低于）' name='mqlMinIntent' type='number' value={settingsForm.mqlMinIntent} onChange={(v) => editor.changeSettings({ mqlMinIntent: v })} maxlength={5} />
          {editor.settingsProblem && <Notice tone='error'>{editor.settingsProblem}</Notice>}
          {editor.saved === 'settings' && <Notice tone='success'>已保存</Notice>}
          <ActionButton variant='secondary' loading={editor.saving === 'settings'} disabled={editor.saving !== null} onClick={() => void editor.saveSettings()}>
            保存设置
          </ActionButton>
        </Card>
      </View>
    </View>
  );
}

function IntentRuleRow({ rule, onChange }: { rule: IntentRow; onChange(patch: Partial<IntentRow>): void }) {
  return (
    <View className={`scoring__rule ${rule.enabled ? '' : 'scoring__rule--off'}`}>
      <View className='scoring__rule-head'>
        <CheckOption className='scoring__enabled' checked={rule.enabled} onChange={(enabled) => onChange({ enabled })}>
          <Text className='scoring__rule-signal'>{IntentSignalLabels[rule.signal]}</Text>
        </CheckOption>
        {rule.oncePerContent && <Text className='scoring__badge'>每项内容计一次</Text>}
      </View>
      <View className='scoring__fields'>
        <View className='scoring__field scoring__field--wide'>
          <TextField label='规则名称' name={`label-${rule.key}`} value={rule.label} onChange={(label) => onChange({ label })} maxlength={40} />
        </View>
        {rule.signal === 'watch' && (
          <View className='scoring__field'>
            <TextField label='观看分钟 ≥' name={`min-${rule.key}`} type='number' value={rule.minValue} onChange={(minValue) => onChange({ minValue })} maxlength={4} />
          </View>
        )}
        <View className='scoring__field'>
          <TextField label='分值' name={`points-${rule.key}`} type='text' value={rule.points} onChange={(points) => onChange({ points })} maxlength={4} />
        </View>
        <View className='scoring__field'>
          <TextField label='每天最多（次）' name={`daily-${rule.key}`} type='number' value={rule.dailyCap} onChange={(dailyCap) => onChange({ dailyCap })} maxlength={5} placeholder='不限' />
        </View>
        <View className='scoring__field'>
          <TextField label='累计最多（次）' name={`total-${rule.key}`} type='number' value={rule.totalCap} onChange={(totalCap) => onChange({ totalCap })} maxlength={5} placeholder='不限' />
        </View>
      </View>
    </View>
  );
}

function FitRuleRow({ rule, onChange }: { rule: FitRow; onChange(patch: Partial<FitRow>): void }) {
  const choices = FIELD_CHOICES[rule.field];
  const values = rule.values.split(/[,，、\s]+/).filter(Boolean);
  const toggle = (value: string, on: boolean) => onChange({ values: (on ? [...values, value] : values.filter((v) => v !== value)).join('，') });
  return (
    <View className={`scoring__rule ${rule.enabled ? '' : 'scoring__rule--off'}`}>
      <View className='scoring__rule-head'>
        <CheckOption className='scoring__enabled' checked={rule.enabled} onChange={(enabled) => onChange({ enabled })}>
          <Text className='scoring__rule-signal'>{FitFieldLabels[rule.field]}</Text>
        </CheckOption>
      </View>
      <View className='scoring__fields'>
        <View className='scoring__field scoring__field--wide'>
          <TextField label='规则名称' name={`label-${rule.key}`} value={rule.label} onChange={(label) => onChange({ label })} maxlength={40} />
        </View>
        <View className='scoring__field'>
          <TextField label='分值' name={`points-${rule.key}`} type='text' value={rule.points} onChange={(points) => onChange({ points })} maxlength={4} />
        </View>
      </View>
      {choices ? (
        <View className='scoring__choices'>
          {Object.entries(choices).map(([value, label]) => (
            <CheckOption key={value} className='scoring__choice' checked={values.includes(value)} onChange={(on) => toggle(value, on)}>
              <Text>{label}</Text>
            </CheckOption>
          ))}
        </View>
      ) : (
        <TextField label='取值（用逗号分隔）' name={`values-${rule.key}`} value={rule.values} onChange={(v) => onChange({ values: v })} maxlength={600} />
      )}
    </View>
  );
}

function RescoreCard({ run }: { run: RescoreRunView | null }) {
  if (!run) return null;
  const percent = run.total === 0 ? 100 : Math.min(100, Math.round((run.done / run.total) * 100));
  const title = run.status === 'running' ? '正在重新评分' : run.status === 'finished' ? '重新评分已完成' : '重新评分已被更新的版本取代';
  const why = run.reason === 'rules' ? `规则第 ${run.version} 版` : `半衰期改为 ${run.halfLifeDays} 天`;
  return (
    <Card title={title} subtitle={`${why} · 开始于 ${formatDateTime(run.startedAt)}`}>
      <View className='scoring__progress' role='progressbar' aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <View className='scoring__progress-bar' style={`width: ${percent}%;`} />
      </View>
      <Text className='scoring__progress-text'>{`${run.done.toLocaleString('zh-CN')} / ${run.total.toLocaleString('zh-CN')} 条线索（${percent}%）`}</Text>
    </Card>
  );
}

function PreviewCard({ preview }: { preview: PreviewResponse | null }) {
  if (!preview) return null;
  return (
    <Card title='草稿预览' subtitle='最近活跃的线索按草稿规则会变成：'>
      {preview.items.length === 0 && <Text className='ll-muted'>还没有线索，暂无可预览的数据。</Text>}
      {preview.items.map((item) => {
        const before = `${item.current.grade} · ${Math.round(item.current.intent)}`;
        const after = `${item.draft.grade} · ${Math.round(item.draft.intent)}`;
        return (
          <View className='scoring__preview-row' key={item.personId}>
            <View className='scoring__preview-who'>
              <Text className='scoring__preview-name'>{item.name}</Text>
              {item.company && <Text className='ll-muted'>{item.company}</Text>}
            </View>
            <Text className='scoring__preview-score'>{before}</Text>
            <Text className='scoring__preview-arrow'>→</Text>
            <Text className={`scoring__preview-score ${before === after ? '' : 'scoring__preview-score--changed'}`}>{after}</Text>
          </View>
        );
      })}
      <Text className='ll-muted'>格式：能力等级 · 当前意愿分</Text>
    </Card>
  );
}
