import { AccountTiers, CompanySizeBandLabels, CompanySizeBands, IndustryLabels, Industries, Provinces, type AccountTier, type CompanySizeBand, type Industry, type Province, type RoutingTestResult } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, Notice, SelectField } from '@/ui';
import { testRoutingRules } from '../services/routing.service';

const TIER_NAMES = Object.fromEntries(AccountTiers.map((t) => [t, `${t} 级`])) as Record<AccountTier, string>;

/** "Which rule would take this lead?" against the saved rules. */
export function RuleTester() {
  const [region, setRegion] = useState<Province | null>(null);
  const [industry, setIndustry] = useState<Industry | null>(null);
  const [sizeBand, setSizeBand] = useState<CompanySizeBand | null>(null);
  const [tier, setTier] = useState<AccountTier | null>(null);
  const [result, setResult] = useState<RoutingTestResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setTesting(true);
    setProblem(null);
    try {
      setResult(await testRoutingRules({ facts: { region, industry, sizeBand, tier } }));
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setTesting(false);
    }
  };
  return (
    <Card title='规则测试' subtitle='这样的线索会被哪条规则分走？（按已保存的规则）'>
      <View className='ll-stack'>
        <SelectField<Province> label='地区' options={Provinces} value={region} onChange={setRegion} clearable placeholder='未知' className='tester__region' />
        <SelectField<Industry> label='行业' options={Industries} names={IndustryLabels} value={industry} onChange={setIndustry} clearable placeholder='未知' className='tester__industry' />
        <SelectField<CompanySizeBand> label='公司规模' options={CompanySizeBands} names={CompanySizeBandLabels} value={sizeBand} onChange={setSizeBand} clearable placeholder='未知' />
        <SelectField<AccountTier> label='客户等级' options={AccountTiers} names={TIER_NAMES} value={tier} onChange={setTier} clearable placeholder='非目标客户' />
        <ActionButton variant='secondary' loading={testing} disabled={testing} onClick={() => void run()}>
          测试
        </ActionButton>
        {problem && <Notice tone='error'>{problem}</Notice>}
        {result && (
          <View className='routing__test-result'>
            {result.rule ? (
              <Text>{`命中第 ${result.rule.position} 条「${result.rule.name}」，分配到「${result.rule.group.name}」组内轮询。`}</Text>
            ) : (
              <Text>没有规则命中：这条线索会进入待分配队列，由市场同事手动分配。</Text>
            )}
          </View>
        )}
      </View>
    </Card>
  );
}
