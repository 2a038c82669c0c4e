import { Body, Controller, Param } from '@nestjs/common';
import { Api, type MemberAvailability, type PageQuery, type SalesGroupInput, type SalesMemberInput, type UpdateSalesGroup } from '@leadloop/shared';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { SalesOrgService } from './sales-org.service';

@Controller()
export class SalesOrgController {
  constructor(private readonly salesOrg: SalesOrgService) {}

  @Route(Api.salesGroups)
  list(@Auth() auth: AuthContext, @ValidQuery() query: PageQuery) {
    return this.salesOrg.list(auth, query);
  }

  @Route(Api.createSalesGroup)
  create(@Auth() auth: AuthContext, @Body() body: SalesGroupInput) {
    return this.salesOrg.create(auth, body);
  }

  @Route(Api.updateSalesGroup)
  update(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: UpdateSalesGroup) {
    return this.salesOrg.update(auth, id, body);
  }

  @Route(Api.putSalesMember)
  putMember(@Auth() auth: AuthContext, @Param('id') id: string, @Param('staffId') staffId: string, @Body() body: SalesMemberInput) {
    return this.salesOrg.putMember(auth, id, staffId, body);
  }

  @Route(Api.removeSalesMember)
  removeMember(@Auth() auth: AuthContext, @Param('id') id: string, @Param('staffId') staffId: string) {
    return this.salesOrg.removeMember(auth, id, staffId);
  }

  @Route(Api.setMemberAvailability)
  setAvailability(@Auth() auth: AuthContext, @Param('id') id: string, @Param('staffId') staffId: string, @Body() body: MemberAvailability) {
    return this.salesOrg.setAvailability(auth, id, staffId, body);
  }
}
