import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { PersonDataModule, PersonDataRegistry } from '../privacy/person-data';
import { Activity } from './activity';
import { ActivityPersonData } from './activity.person-data';
import { PipelineJob } from './jobs/pipeline.job';
import { Pipeline } from './pipeline';
import { Sequencer } from './sequencer';
import { StreamAdminService } from './stream-admin.service';
import { StreamController } from './stream.controller';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { activityMerge } from './activity.merge';

/**
 * The activity stream: features record what people do through `Activity` (inside their own
 * transactions); consumers registered with the `Pipeline` react to it in the background.
 */
@Global()
@Module({
  imports: [PersonDataModule],
  controllers: [StreamController],
  providers: [Activity, Sequencer, Pipeline, PipelineJob, StreamAdminService, ActivityPersonData],
  exports: [Activity, Pipeline],
})
export class ActivityModule implements OnModuleInit {
  constructor(
    private readonly merges: PersonMergeRegistry,
    private readonly personData: PersonDataRegistry,
    private readonly activityPersonData: ActivityPersonData,
  ) {}

  onModuleInit(): void {
    this.merges.register(activityMerge);
    this.personData.register(this.activityPersonData);
  }
}
