import { useRouter } from '@tarojs/taro';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { LiveReportView } from '@/modules/live/components/LiveReportView';

export default function ConsoleLiveReportPage() {
  const { params } = useRouter();
  return (
    <ConsoleFrame title='直播数据' subtitle='报名来源、出席与观看、问卷反馈和收入'>
      {() => <LiveReportView id={params.id ?? ''} />}
    </ConsoleFrame>
  );
}
