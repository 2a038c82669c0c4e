import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { IdentityModule } from '../identity/identity.module';
import { LoginHooks } from '../identity/login-hooks';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { StaffHandovers } from '../staff/handover';
import { StaffModule } from '../staff/staff.module';
import { AttributionService } from './attribution.service';
import { ContentTitles } from './content-titles';
import { EventWriter } from './event-writer';
import { EventsService } from './events.service';
import { OwnerChanges } from './owner-changes';
import { OwnerProtection } from './owner-protection';
import { ProspectHandover } from './prospect-handover';
import { ShareChainController } from './share-chain.controller';
import { ShareChainPersonData } from './share-chain.person-data';
import { ShareChainRepository } from './share-chain.repository';
import { ShareChainService } from './share-chain.service';
import { StarMapService } from './star-map.service';
import { Touchpoints } from './touchpoints';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { shareChainMerge } from './share-chain.merge';

@Module({
  imports: [IdentityModule, StaffModule, PersonDataModule],
  controllers: [ShareChainController],
  providers: [ShareChainRepository, ShareChainService, EventWriter, EventsService, OwnerProtection, AttributionService, StarMapService, Touchpoints, ShareChainPersonData, ProspectHandover, ContentTitles, OwnerChanges],
  exports: [AttributionService, ShareChainService, OwnerProtection, Touchpoints, ContentTitles, OwnerChanges, ShareChainRepository],
})
export class ShareChainModule implements OnModuleInit {
  constructor(
    private readonly merges: PersonMergeRegistry,
    private readonly loginHooks: LoginHooks,
    private readonly attribution: AttributionService,
    private readonly pipeline: Pipeline,
    private readonly personData: PersonDataRegistry,
    private readonly shareChainPersonData: ShareChainPersonData,
    private readonly handovers: StaffHandovers,
    private readonly prospects: ProspectHandover,
  ) {}

  onModuleInit(): void {
    this.merges.register(shareChainMerge);
    this.pipeline.register(this.attribution);
    this.loginHooks.register('first touch', (personId, entry) => this.attribution.onLogin(personId, entry));
    this.personData.register(this.shareChainPersonData);
    this.handovers.register(this.prospects);
  }
}
