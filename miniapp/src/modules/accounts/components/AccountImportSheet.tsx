import type { AccountImportResult } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { ActionButton, BottomSheet, Notice } from '@/ui';
import { importAccounts } from '../services/accounts.service';
import { ImportColumnsSentence, importErrorOf, importProblemsOf, type ImportProblemLine } from '../services/account-format';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; result: AccountImportResult } | { kind: 'failed'; message: string; lines: ImportProblemLine[] };

/**
 * 导入目标客户: choose a CSV (UTF-8 or GBK, as Excel saves it); the server checks every row first
 * and refuses the whole file when any row is wrong, listing each bad row — nothing half-imported.
 */
export function AccountImportSheet({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  const choose = async () => {
    try {
      const file = await platform.pickFile('csv');
      if (!file) return;
      setState({ kind: 'busy' });
      const result = await importAccounts(file);
      setState({ kind: 'done', result });
      onImported();
    } catch (error) {
      if (isApiError(error, 'CANCELLED')) return setState({ kind: 'idle' });
      setState({ kind: 'failed', message: importErrorOf(error), lines: importProblemsOf(error) });
    }
  };

  return (
    <BottomSheet title='导入目标客户' subtitle='CSV 文件，UTF-8 或 GBK 编码均可，最多 5000 行' onClose={onClose} className='account-import'>
      <View className='ll-stack'>
        <Text className='account-import__columns'>第一行为表头，列依次为：{ImportColumnsSentence}。</Text>
        <Text className='ll-muted'>负责人填写团队成员的姓名；等级填 A、B 或 C；同名公司会更新资料，并标记为目标客户。</Text>
        {state.kind === 'done' && (
          <Notice tone='success'>
            导入完成：新增 {state.result.created} 家，更新 {state.result.updated} 家。
          </Notice>
        )}
        {state.kind === 'failed' && (
          <>
            <Notice tone='error'>{state.message}</Notice>
            {state.lines.length > 0 && (
              <View className='account-import__problems'>
                {state.lines.map((line) => (
                  <Text key={line.row} className='account-import__problem'>
                    {line.text}
                  </Text>
                ))}
              </View>
            )}
          </>
        )}
        <ActionButton loading={state.kind === 'busy'} disabled={state.kind === 'busy'} onClick={() => void choose()}>
          {state.kind === 'idle' ? '选择 CSV 文件' : '重新选择文件'}
        </ActionButton>
      </View>
    </BottomSheet>
  );
}
