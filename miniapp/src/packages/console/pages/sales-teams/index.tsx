import { Access } from '@leadloop/shared';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { SalesTeamsConsole } from '@/modules/sales-org/components/SalesTeamsConsole';

export default function ConsoleSalesTeamsPage() {
  return (
    <ConsoleFrame title='销售团队' subtitle='销售组、负责范围、接单上限与暂停；组长查看本组在跟线索' roles={Access.salesTeam}>
      {(me) => <SalesTeamsConsole me={me} />}
    </ConsoleFrame>
  );
}
