import type { PolicyKind } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import { describeError } from '@/core/api/api-error';
import { useApiResource } from '@/core/api/useApiResource';
import { Card, Loading, RetryCard } from '@/ui';
import { fetchPolicy } from '../services/privacy.service';
import './Privacy.scss';

/** The configured policy text, as the server serves it today, with its version. */
export function PolicyView({ kind }: { kind: PolicyKind }) {
  const load = useCallback(() => fetchPolicy(kind), [kind]);
  const { data, error, reload } = useApiResource(load);
  useEffect(() => {
    if (data) void Taro.setNavigationBarTitle({ title: data.title });
  }, [data]);
  if (!data) return error ? <RetryCard message={describeError(error)} onRetry={reload} /> : <Loading />;
  return (
    <Card className='policy-text' title={data.title} subtitle={`版本 ${data.version}`}>
      <View className='policy-text__body'>
        {data.text.split(/\n{2,}/).map((paragraph, i) => (
          <Text key={i} className='policy-text__paragraph'>
            {paragraph}
          </Text>
        ))}
      </View>
    </Card>
  );
}
