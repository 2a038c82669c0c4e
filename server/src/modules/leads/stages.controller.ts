import { Body, Controller, Param } from '@nestjs/common';
import { Api, type ChangeStageRequest, type PageQuery } from '@leadloop/shared';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { StageRequests } from './stage-requests';

@Controller()
export class StagesController {
  constructor(private readonly stages: StageRequests) {}

  @Route(Api.changeLeadStage)
  move(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: ChangeStageRequest) {
    return this.stages.move(auth, id, body);
  }

  @Route(Api.leadStages)
  history(@Auth() auth: AuthContext, @Param('id') id: string, @ValidQuery() query: PageQuery) {
    return this.stages.history(auth, id, query);
  }
}
