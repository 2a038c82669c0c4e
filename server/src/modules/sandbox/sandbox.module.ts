import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { SandboxControlController } from './sandbox-control.controller';
import { SandboxPayController } from './sandbox-pay.controller';
import { SandboxPayState } from './sandbox-pay.state';
import { SandboxWechatController } from './sandbox-wechat.controller';
import { SandboxState } from './sandbox.state';

/** Local stand-in for WeChat and WeChat Pay (SPEC §4). Imported only when the sandbox is on. */
@Module({
  imports: [PaymentsModule],
  controllers: [SandboxWechatController, SandboxControlController, SandboxPayController],
  providers: [SandboxState, SandboxPayState],
})
export class SandboxModule {}
