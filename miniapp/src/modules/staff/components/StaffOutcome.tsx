import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { ActionButton, Card, ResultPanel } from '@/ui';

/** 我的, where the staff flows on the phone lead back to. */
export const goToMine = () => void Taro.switchTab({ url: Routes.mine });

interface StaffOutcomeProps {
  tone: 'success' | 'warning' | 'error';
  title: string;
  description: string;
  /** The text of the button back to 我的. */
  action?: string;
  /** Whether that button is the page's main action. */
  primary?: boolean;
}

/** How a staff flow on the phone ended, and the way back to 我的. */
export function StaffOutcome({ tone, title, description, action = '返回我的', primary = false }: StaffOutcomeProps) {
  return (
    <Card>
      <ResultPanel tone={tone} title={title} description={description}>
        <ActionButton variant={primary ? 'primary' : 'secondary'} onClick={goToMine}>
          {action}
        </ActionButton>
      </ResultPanel>
    </Card>
  );
}
