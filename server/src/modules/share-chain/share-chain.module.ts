import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { IdentityModule } from '../identity/identity.module';
import { LoginHooks } from '../identity/login-hooks';
import { StaffHandovers } from '../staff/handover';
import { StaffModule } from '../staff/staff.module';
import { AttributionService } from './attribution.service';
import { EventWriter } from './event-writer';
import { EventsService } from './events.service';
import { OwnerProtection } from './owner-protection';
import { ProspectHandover } from './prospect-handover';
import { ShareChainController } from './share-chain.controller';
import { ShareChainRepository } from './share-chain.repository';
import { ShareChainService } from './share-chain.service';
import { StarMapService } from './star-map.service';
import { Touchpoints } from './touchpoints';

@Module({
  imports: [IdentityModule, StaffModule],
  controllers: [ShareChainController],
  providers: [ShareChainRepository, ShareChainService, EventWriter, EventsService, OwnerProtection, AttributionService, StarMapService, Touchpoints, ProspectHandover],
  exports: [AttributionService, ShareChainService, OwnerProtection, Touchpoints],
})
export class ShareChainModule implements OnModuleInit {
  constructor(
    private readonly loginHooks: LoginHooks,
    private readonly attribution: AttributionService,
    private readonly pipeline: Pipeline,
    private readonly handovers: StaffHandovers,
    private readonly prospects: ProspectHandover,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.attribution);
    this.loginHooks.register('first touch', (personId, entry) => this.attribution.onLogin(personId, entry));
    this.handovers.register(this.prospects);
  }
}
