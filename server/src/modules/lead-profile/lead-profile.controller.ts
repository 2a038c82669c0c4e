import { Body, Controller, Param } from '@nestjs/common';
import { Api, type BulkTagRequest, type LeadProfileEdit, type SetTagsRequest } from '@leadloop/shared';
import { Auth, type AuthContext, Route } from '../../core/route';
import { LeadProfileService } from './lead-profile.service';

@Controller()
export class LeadProfileController {
  constructor(private readonly leadProfiles: LeadProfileService) {}

  // /leads/tags is declared before /leads/{id}/… so `tags` is never taken for an id
  @Route(Api.bulkTagLeads)
  bulkTags(@Auth() auth: AuthContext, @Body() body: BulkTagRequest) {
    return this.leadProfiles.bulkTags(auth, body);
  }

  @Route(Api.leadProfile)
  view(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.leadProfiles.view(auth, id);
  }

  @Route(Api.editLeadProfile)
  edit(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: LeadProfileEdit) {
    return this.leadProfiles.edit(auth, id, body);
  }

  @Route(Api.setLeadTags)
  setTags(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: SetTagsRequest) {
    return this.leadProfiles.setTags(auth, id, body.tags);
  }
}
