import { useRouter } from '@tarojs/taro';
import { platform } from '@/core/platform';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { LeadDetailView } from '@/modules/leads/components/LeadDetailView';
import { GoneCard } from '@/ui';

export default function ConsoleLeadPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  return (
    <ConsoleFrame title='线索详情' subtitle='客户资料、来源、授权与全部动态'>
      {() => (id ? <LeadDetailView scope={platform.consoleScope} id={id} /> : <GoneCard title='没有找到这条线索' description='链接不完整，请从线索池重新打开。' />)}
    </ConsoleFrame>
  );
}
