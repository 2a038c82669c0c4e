import { Body, Controller } from '@nestjs/common';
import { Api, type MarkSignalsRead, type SignalGrantRequest, type SignalInboxQuery } from '@leadloop/shared';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { SignalsService } from './signals.service';

@Controller()
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  @Route(Api.signalInbox)
  inbox(@Auth() auth: AuthContext, @ValidQuery() query: SignalInboxQuery) {
    return this.signals.inbox(auth, query);
  }

  @Route(Api.signalUnread)
  unread(@Auth() auth: AuthContext) {
    return this.signals.unread(auth);
  }

  @Route(Api.readSignals)
  read(@Auth() auth: AuthContext, @Body() body: MarkSignalsRead) {
    return this.signals.markRead(auth, body);
  }

  @Route(Api.signalSubscription)
  subscription(@Auth() auth: AuthContext) {
    return this.signals.subscription(auth);
  }

  @Route(Api.grantSignalMessages)
  grant(@Auth() auth: AuthContext, @Body() body: SignalGrantRequest) {
    return this.signals.grant(auth, body);
  }
}
