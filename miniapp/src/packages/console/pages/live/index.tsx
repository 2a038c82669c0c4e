import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { LiveConsoleList } from '@/modules/live/components/LiveConsoleList';

export default function ConsoleLivePage() {
  return (
    <ConsoleFrame title='直播管理' subtitle='创建直播、开放报名，查看报名来源与观看数据'>
      {() => <LiveConsoleList />}
    </ConsoleFrame>
  );
}
