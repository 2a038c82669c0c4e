import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { FollowUps } from '../handoff/follow-ups';
import { HandoffModule } from '../handoff/handoff.module';
import { IdentityModule } from '../identity/identity.module';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { TimerHandlers } from '../timers/timer-handlers';
import { TimersModule } from '../timers/timers.module';
import { FollowUpReminders } from './follow-up-reminders';
import { SalesSignals } from './sales-signals';
import { SignalDelivery } from './signal-delivery';
import { SignalPush } from './signal-push';
import { SignalsConsumer } from './signals.consumer';
import { SignalsController } from './signals.controller';
import { signalsMerge, SignalsPersonData } from './signals.person-data';
import { SignalsService } from './signals.service';

/**
 * Sales signals: the inbox of what a salesperson's leads did, filled by a stream consumer, by
 * other features through `SalesSignals.send` and by follow-up reminders, and pushed as coalesced, rate-limited WeChat
 * subscribe messages to those who granted them.
 */
@Module({
  imports: [TimersModule, IdentityModule, ShareChainModule, PersonDataModule, HandoffModule],
  controllers: [SignalsController],
  providers: [SalesSignals, SignalPush, SignalDelivery, SignalsConsumer, SignalsService, SignalsPersonData, FollowUpReminders],
  exports: [SalesSignals],
})
export class SignalsModule implements OnModuleInit {
  constructor(
    private readonly pipeline: Pipeline,
    private readonly timerHandlers: TimerHandlers,
    private readonly consumer: SignalsConsumer,
    private readonly push: SignalPush,
    private readonly delivery: SignalDelivery,
    private readonly personData: PersonDataRegistry,
    private readonly personDataContributor: SignalsPersonData,
    private readonly merges: PersonMergeRegistry,
    private readonly followUps: FollowUps,
    private readonly followUpReminders: FollowUpReminders,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.consumer);
    this.timerHandlers.register(this.push);
    this.timerHandlers.register(this.delivery);
    this.timerHandlers.register(this.followUpReminders);
    this.followUps.register(this.followUpReminders);
    this.personData.register(this.personDataContributor);
    this.merges.register(signalsMerge);
  }
}
