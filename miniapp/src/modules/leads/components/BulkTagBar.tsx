import { MAX_BULK_TAG_LEADS } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { platform } from '@/core/platform';
import { tagToAdd } from '@/modules/lead-profile/services/lead-profile-form';
import { ActionButton, Notice, TextField } from '@/ui';
import { describeLeadError } from '../services/lead-format';
import { tagLeads } from '../services/leads.service';
import './Leads.scss';

type Outcome = { tone: 'success' | 'error'; text: string };

/** 「已为 3 位客户添加标签「展会」（另有 1 位已有该标签）」: what a change did, in words. */
function outcomeOf(action: 'add' | 'remove', tag: string, selected: number, updated: number): string {
  const rest = selected - updated;
  if (updated === 0) return `所选的 ${selected} 位客户${action === 'add' ? '都已有' : '都没有'}标签「${tag}」`;
  if (action === 'add') return `已为 ${updated} 位客户添加标签「${tag}」${rest > 0 ? `（另有 ${rest} 位已有该标签）` : ''}`;
  return `已从 ${updated} 位客户移除标签「${tag}」${rest > 0 ? `（另有 ${rest} 位没有该标签）` : ''}`;
}

/** The pool's bulk action: one tag added to or removed from every selected lead. */
export function BulkTagBar({ selected, onChanged }: { selected: string[]; onChanged?(): void }) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState<'add' | 'remove' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const tooMany = selected.length > MAX_BULK_TAG_LEADS;
  const none = selected.length === 0;
  // what a change did is about that selection: a new one starts without it (the typed tag stays)
  const selection = selected.join(',');
  useEffect(() => setOutcome(null), [selection]);

  const apply = async (action: 'add' | 'remove') => {
    if (none || tooMany || busy) return;
    const checked = tagToAdd([], typed);
    if ('error' in checked) return setOutcome({ tone: 'error', text: checked.error });
    setBusy(action);
    setOutcome(null);
    try {
      const { updated } = await tagLeads(platform.consoleScope, selected, action === 'add' ? { add: [checked.tag] } : { remove: [checked.tag] });
      setOutcome({ tone: 'success', text: outcomeOf(action, checked.tag, selected.length, updated) });
      if (updated > 0) onChanged?.();
    } catch (failure) {
      setOutcome({ tone: 'error', text: describeLeadError(failure) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className='lead-bulk'>
      <View className='lead-bulk__row'>
        <View className='lead-bulk__field'>
          <TextField label='批量标签' name='bulk-tag' value={typed} onChange={setTyped} maxlength={20} placeholder='如：重点客户' onConfirm={() => void apply('add')} />
        </View>
        <ActionButton small block={false} disabled={busy !== null || tooMany || none} loading={busy === 'add'} onClick={() => void apply('add')}>
          添加标签
        </ActionButton>
        <ActionButton small block={false} variant='secondary' disabled={busy !== null || tooMany || none} loading={busy === 'remove'} onClick={() => void apply('remove')}>
          移除标签
        </ActionButton>
      </View>
      {none && <Text className='ll-muted'>勾选客户后，可为他们批量添加或移除标签</Text>}
      {tooMany && <Text className='lead-bulk__limit'>一次最多处理 {MAX_BULK_TAG_LEADS} 位客户，请减少选择</Text>}
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
    </View>
  );
}
