import { Global, Module } from '@nestjs/common';
import { AccessTokenService } from './access-token.service';
import { WechatClient } from './wechat.client';
import { WechatEndpoint } from './wechat.endpoint';
import { WechatHttp } from './wechat.http';

@Global()
@Module({
  providers: [WechatEndpoint, WechatHttp, AccessTokenService, WechatClient],
  exports: [WechatEndpoint, WechatClient],
})
export class WechatModule {}
