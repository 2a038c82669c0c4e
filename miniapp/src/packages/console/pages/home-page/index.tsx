import { Access } from '@leadloop/shared';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { HomeEditor } from '@/modules/home/components/HomeEditor';

export default function ConsoleHomePageEditor() {
  return (
    <ConsoleFrame title='首页装修' subtitle='用模块搭建访客看到的首页：保存草稿不影响线上，发布后访客即可看到' roles={Access.console}>
      {() => <HomeEditor />}
    </ConsoleFrame>
  );
}
