import { AccountsConsole } from '@/modules/accounts/components/AccountsConsole';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';

export default function ConsoleAccountsPage() {
  return (
    <ConsoleFrame title='客户管理' subtitle='按公司归集联系人：目标客户分级、负责人与采购角色'>
      {() => <AccountsConsole />}
    </ConsoleFrame>
  );
}
