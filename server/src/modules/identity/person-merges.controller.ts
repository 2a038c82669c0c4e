import { Body, Controller, Param } from '@nestjs/common';
import { Api, type AttachCrmIdRequest, type PageQuery } from '@leadloop/shared';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { IdentityService } from './identity.service';
import { PersonMerges } from './person-merges.service';

/** Admins: the merges with their evidence, unmerge, CRM ids, and identifiers refused for staff. */
@Controller()
export class PersonMergesController {
  constructor(
    private readonly merges: PersonMerges,
    private readonly identity: IdentityService,
  ) {}

  @Route(Api.listMerges)
  list(@ValidQuery() query: PageQuery) {
    return this.merges.list(query);
  }

  @Route(Api.getMerge)
  detail(@Param('id') id: string) {
    return this.merges.detail(id);
  }

  @Route(Api.unmerge)
  unmerge(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.merges.unmerge(id, auth.staff?.id ?? null);
  }

  @Route(Api.attachCrmId)
  attachCrmId(@Param('id') id: string, @Body() body: AttachCrmIdRequest) {
    return this.identity.attachCrmId(id, body.system, body.externalId);
  }

  @Route(Api.listIdentifierConflicts)
  conflicts(@ValidQuery() query: PageQuery) {
    return this.merges.conflicts(query);
  }

  @Route(Api.resolveIdentifierConflict)
  resolve(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.merges.resolveConflict(id, auth.staff?.id ?? null);
  }
}
