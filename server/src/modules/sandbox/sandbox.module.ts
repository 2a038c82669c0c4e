import { Module } from '@nestjs/common';
import { SandboxControlController } from './sandbox-control.controller';
import { SandboxWechatController } from './sandbox-wechat.controller';
import { SandboxState } from './sandbox.state';

/** Local stand-in for WeChat (SPEC §4). Imported only when the sandbox is on. */
@Module({
  controllers: [SandboxWechatController, SandboxControlController],
  providers: [SandboxState],
})
export class SandboxModule {}
