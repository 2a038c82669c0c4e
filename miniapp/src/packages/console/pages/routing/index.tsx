import { Access } from '@leadloop/shared';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { RoutingConsole } from '@/modules/routing/components/RoutingConsole';

export default function ConsoleRoutingPage() {
  return (
    <ConsoleFrame title='线索分配' subtitle='MQL 与「请联系我」自动分给销售：已有负责人则提醒负责人，其次分享来源，再按规则分组轮询' roles={Access.console}>
      {() => <RoutingConsole />}
    </ConsoleFrame>
  );
}
