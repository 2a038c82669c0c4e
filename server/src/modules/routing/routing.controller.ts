import { Body, Controller, Param } from '@nestjs/common';
import { Api, type PageQuery, type ReassignRequest, type RoutingTestRequest, type SaveRoutingRules, type TeamLeadsQuery } from '@leadloop/shared';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { Reassignments } from './reassignments';
import { RoutingQueries } from './routing-queries';
import { RoutingRulesService } from './routing-rules.service';

@Controller()
export class RoutingController {
  constructor(
    private readonly rules: RoutingRulesService,
    private readonly queries: RoutingQueries,
    private readonly reassignments: Reassignments,
  ) {}

  @Route(Api.routingRules)
  listRules() {
    return this.rules.list();
  }

  @Route(Api.saveRoutingRules)
  saveRules(@Auth() auth: AuthContext, @Body() body: SaveRoutingRules) {
    return this.rules.save(auth, body);
  }

  @Route(Api.testRoutingRules)
  testRules(@Body() body: RoutingTestRequest) {
    return this.rules.test(body);
  }

  @Route(Api.unassignedLeads)
  unassigned(@ValidQuery() query: PageQuery) {
    return this.queries.unassigned(query);
  }

  @Route(Api.reassignLead)
  reassign(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: ReassignRequest) {
    return this.reassignments.reassign(auth, id, body);
  }

  @Route(Api.leadRouting)
  history(@Auth() auth: AuthContext, @Param('id') id: string, @ValidQuery() query: PageQuery) {
    return this.queries.history(auth, id, query);
  }

  @Route(Api.teamLeads)
  teamLeads(@Auth() auth: AuthContext, @Param('id') id: string, @ValidQuery() query: TeamLeadsQuery) {
    return this.queries.teamLeads(auth, id, query);
  }
}
