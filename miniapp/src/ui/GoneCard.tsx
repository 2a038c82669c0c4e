import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { ActionButton } from './ActionButton';
import { Card } from './Card';
import { ResultPanel } from './ResultPanel';

const goHome = () => void Taro.switchTab({ url: Routes.home });

/** Content a link pointed to that no longer exists (deleted, taken offline): say so, and offer the home page. */
export function GoneCard({ title, description }: { title: string; description: string }) {
  return (
    <Card>
      <ResultPanel tone='warning' title={title} description={description}>
        <ActionButton variant='secondary' onClick={goHome}>
          返回首页
        </ActionButton>
      </ResultPanel>
    </Card>
  );
}
