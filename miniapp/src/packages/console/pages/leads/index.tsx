import { useRouter } from '@tarojs/taro';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { LeadPoolView } from '@/modules/leads/components/LeadPoolView';
import { filtersFromParams } from '@/modules/leads/services/leads.service';

export default function ConsoleLeadsPage() {
  const { params } = useRouter();
  return (
    <ConsoleFrame title='线索池' subtitle='全部客户线索：按阶段、等级、意向分、来源和地区筛选'>
      {() => <LeadPoolView initial={filtersFromParams(params)} sourceTitle={params.title ? decodeURIComponent(params.title) : undefined} />}
    </ConsoleFrame>
  );
}
