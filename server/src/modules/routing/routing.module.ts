import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { LeadsModule } from '../leads/leads.module';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { SalesOrgModule } from '../sales-org/sales-org.module';
import { OwnerChanges } from '../share-chain/owner-changes';
import { ShareChainModule } from '../share-chain/share-chain.module';
import { SignalsModule } from '../signals/signals.module';
import { Reassignments } from './reassignments';
import { RoundRobin } from './round-robin';
import { Router } from './router';
import { RoutingHooks } from './routing-hooks';
import { RoutingOwners } from './routing-owners';
import { RoutingQueries } from './routing-queries';
import { RoutingRecorder } from './routing-recorder';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingSignals } from './routing-signals';
import { RoutingController } from './routing.controller';
import { routingMerge } from './routing.merge';

/**
 * Routing on MQL and 请联系我 (a stream consumer), the rules and their tester, the unassigned
 * queue, manual reassignment, and the hooks signals and SLA register on (`RoutingHooks`).
 */
@Module({
  imports: [LeadsModule, SalesOrgModule, ShareChainModule, PersonDataModule, SignalsModule],
  controllers: [RoutingController],
  providers: [Router, RoundRobin, RoutingRecorder, RoutingHooks, RoutingRulesService, RoutingQueries, Reassignments, RoutingOwners, RoutingSignals],
  exports: [RoutingHooks, RoundRobin],
})
export class RoutingModule implements OnModuleInit {
  constructor(
    private readonly pipeline: Pipeline,
    private readonly router: Router,
    private readonly ownerChanges: OwnerChanges,
    private readonly owners: RoutingOwners,
    private readonly personData: PersonDataRegistry,
    private readonly merges: PersonMergeRegistry,
    private readonly hooks: RoutingHooks,
    private readonly signals: RoutingSignals,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.router);
    this.ownerChanges.register(this.owners);
    this.personData.register(this.owners);
    this.merges.register(routingMerge);
    this.hooks.registerSignalSink(this.signals);
    this.hooks.registerAssignmentListener(this.signals);
  }
}
