import { Controller, Param } from '@nestjs/common';
import { Api, type LeadListQuery, type LeadSourceCountsQuery, type PageQuery } from '@leadloop/shared';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { LeadDetailService } from './lead-detail.service';
import { LeadListService } from './lead-list.service';
import { LeadSources } from './lead-sources';
import { LeadTimelineService } from './lead-timeline.service';
import { PhoneReveals } from './phone-reveals';

@Controller()
export class LeadsController {
  constructor(
    private readonly list: LeadListService,
    private readonly details: LeadDetailService,
    private readonly timelines: LeadTimelineService,
    private readonly phones: PhoneReveals,
    private readonly sources: LeadSources,
  ) {}

  @Route(Api.leads)
  leads(@Auth() auth: AuthContext, @ValidQuery() query: LeadListQuery) {
    return this.list.list(auth, query);
  }

  // /leads/sources is declared before /leads/{id} so `sources` is never taken for an id
  @Route(Api.leadSourceCounts)
  sourceCounts(@ValidQuery() query: LeadSourceCountsQuery) {
    return this.sources.counts(query);
  }

  @Route(Api.lead)
  lead(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.details.detail(auth, id);
  }

  @Route(Api.leadTimeline)
  timeline(@Auth() auth: AuthContext, @Param('id') id: string, @ValidQuery() query: PageQuery) {
    return this.timelines.timeline(auth, id, query);
  }

  @Route(Api.revealLeadPhone)
  revealPhone(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.phones.reveal(auth, id);
  }
}
