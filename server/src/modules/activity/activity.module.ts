import { Global, Module } from '@nestjs/common';
import { Activity } from './activity';
import { PipelineJob } from './jobs/pipeline.job';
import { Pipeline } from './pipeline';
import { Sequencer } from './sequencer';
import { StreamAdminService } from './stream-admin.service';
import { StreamController } from './stream.controller';

/**
 * The activity stream: features record what people do through `Activity` (inside their own
 * transactions); consumers registered with the `Pipeline` react to it in the background.
 */
@Global()
@Module({
  controllers: [StreamController],
  providers: [Activity, Sequencer, Pipeline, PipelineJob, StreamAdminService],
  exports: [Activity, Pipeline],
})
export class ActivityModule {}
