import { Access } from '@leadloop/shared';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { CalibrationView } from '@/modules/handoff/components/CalibrationView';

export default function ConsoleCalibrationPage() {
  return (
    <ConsoleFrame title='评分校准' subtitle='MQL 交给销售后的结果：按评分规则、渠道和来源看接受率、退回原因、商机与赢单，并据此调整规则分值' roles={Access.console}>
      {() => <CalibrationView />}
    </ConsoleFrame>
  );
}
