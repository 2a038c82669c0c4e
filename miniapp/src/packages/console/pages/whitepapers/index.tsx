import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { WhitepaperConsole } from '@/modules/whitepaper/components/WhitepaperConsole';

export default function ConsoleWhitepapersPage() {
  return (
    <ConsoleFrame title='白皮书管理' subtitle='上传资料、设置下载表单，发布后访客留资即可下载'>
      {() => <WhitepaperConsole />}
    </ConsoleFrame>
  );
}
