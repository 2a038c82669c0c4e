import { Body, Controller, Param } from '@nestjs/common';
import {
  type AcceptInviteRequest,
  Api,
  type ConsolePollRequest,
  type ConsoleTicketRef,
  type CreateInviteRequest,
  type HandoverRequest,
  type PageQuery,
  type StaffListQuery,
  type UpdateStaffRequest,
} from '@leadloop/shared';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { ConsoleLoginService } from './console-login.service';
import { StaffService } from './staff.service';

@Controller()
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly consoleLogin: ConsoleLoginService,
  ) {}

  @Route(Api.createInvite)
  createInvite(@Auth() auth: AuthContext, @Body() body: CreateInviteRequest) {
    return this.staff.createInvite(auth.staff!.id, body);
  }

  @Route(Api.listInvites)
  listInvites(@ValidQuery() query: PageQuery) {
    return this.staff.pendingInvites(query);
  }

  @Route(Api.revokeInvite)
  revokeInvite(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.staff.revokeInvite(auth, id);
  }

  @Route(Api.previewInvite)
  previewInvite(@Body() body: AcceptInviteRequest) {
    return this.staff.previewInvite(body.token);
  }

  @Route(Api.acceptInvite)
  acceptInvite(@Auth() auth: AuthContext, @Body() body: AcceptInviteRequest) {
    return this.staff.acceptInvite(auth, body.token);
  }

  @Route(Api.listStaff)
  list(@ValidQuery() query: StaffListQuery) {
    return this.staff.list(query);
  }

  @Route(Api.updateStaff)
  update(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: UpdateStaffRequest) {
    return this.staff.update(auth, id, body);
  }

  @Route(Api.handOverStaff)
  handOver(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: HandoverRequest) {
    return this.staff.handOver(auth, id, body);
  }

  @Route(Api.staffHandovers)
  handovers(@ValidQuery() query: PageQuery) {
    return this.staff.handoverLog(query);
  }

  @Route(Api.createConsoleTicket)
  createTicket() {
    return this.consoleLogin.createTicket();
  }

  @Route(Api.pollConsoleTicket)
  poll(@Body() body: ConsolePollRequest) {
    return this.consoleLogin.poll(body.ticket, body.pollSecret);
  }

  @Route(Api.scanConsoleTicket)
  scan(@Auth() auth: AuthContext, @Body() body: ConsoleTicketRef) {
    return this.consoleLogin.scan(auth, body.ticket);
  }

  @Route(Api.confirmConsoleTicket)
  confirm(@Auth() auth: AuthContext, @Body() body: ConsoleTicketRef) {
    return this.consoleLogin.confirm(auth, body.ticket);
  }
}
