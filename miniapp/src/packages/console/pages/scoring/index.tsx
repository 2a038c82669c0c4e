import { Access } from '@leadloop/shared';
import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { ScoringEditor } from '@/modules/scoring/components/ScoringEditor';
import { ActionButton, Card } from '@/ui';

export default function ConsoleScoringPage() {
  return (
    <ConsoleFrame title='线索评分' subtitle='能力 × 意愿：规则决定每条线索的等级与意愿分，达标即成为 MQL' roles={Access.console}>
      {() => (
        <>
          <Card title='评分校准' subtitle='看 MQL 交给销售后被接受、退回、转商机和赢单的比例，按证据调整规则分值'>
            <ActionButton small block={false} variant='secondary' className='scoring-calibration-link' onClick={() => void Taro.navigateTo({ url: Routes.consoleCalibration })}>
              查看校准报告
            </ActionButton>
          </Card>
          <ScoringEditor />
        </>
      )}
    </ConsoleFrame>
  );
}
