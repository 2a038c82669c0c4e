import { Module, type OnModuleInit } from '@nestjs/common';
import { PiiVault } from '../identity/pii-vault';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { ProfileModule } from '../profile/profile.module';
import { OwnerChanges } from '../share-chain/owner-changes';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { LeadDetailService } from './lead-detail.service';
import { LeadListService } from './lead-list.service';
import { LeadSources } from './lead-sources';
import { LeadOwners } from './lead-owners';
import { LeadTimelineService } from './lead-timeline.service';
import { LeadViews } from './lead-views';
import { LeadsController } from './leads.controller';
import { LeadsModule } from './leads.module';
import { PhoneReveals } from './phone-reveals';

/**
 * What staff read of a lead — the list, the detail, the timeline, the logged phone reveal — and
 * the owner copied onto the lead from the share chain's attribution.
 */
@Module({
  imports: [LeadsModule, ShareChainModule, ProfileModule, PersonDataModule],
  controllers: [LeadsController],
  providers: [LeadViews, LeadListService, LeadSources, LeadDetailService, LeadTimelineService, PhoneReveals, PiiVault],
  exports: [LeadViews],
})
export class LeadPagesModule implements OnModuleInit {
  constructor(
    private readonly ownerChanges: OwnerChanges,
    private readonly owners: LeadOwners,
    private readonly personData: PersonDataRegistry,
    private readonly phones: PhoneReveals,
  ) {}

  onModuleInit(): void {
    this.ownerChanges.register(this.owners);
    this.personData.register(this.phones);
  }
}
