import { Body, Controller, Param, UploadedFiles } from '@nestjs/common';
import { ACCOUNT_IMPORT_FIELD, type AccountListQuery, Api, type MergeAccountsRequest, type PageQuery, type SetContactRoleRequest, type UpdateAccountRequest } from '@leadloop/shared';
import { Auth, type AuthContext, Route, type UploadedParts, ValidQuery } from '../../core/route';
import { AccountImport } from './account-import';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly imports: AccountImport,
  ) {}

  @Route(Api.accounts)
  list(@ValidQuery() query: AccountListQuery) {
    return this.accounts.list(query);
  }

  @Route(Api.accountOwners)
  owners(@ValidQuery() query: PageQuery) {
    return this.accounts.owners(query);
  }

  // /accounts/import and /accounts/owners are declared before /accounts/{id} so `import` is never taken for an id
  @Route(Api.importAccounts)
  import(@UploadedFiles() parts: UploadedParts) {
    return this.imports.run(parts[ACCOUNT_IMPORT_FIELD]?.[0]?.buffer);
  }

  @Route(Api.account)
  detail(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.accounts.detail(auth, id);
  }

  @Route(Api.updateAccount)
  update(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: UpdateAccountRequest) {
    return this.accounts.update(auth, id, body);
  }

  @Route(Api.setContactRole)
  setContactRole(@Auth() auth: AuthContext, @Param('id') id: string, @Param('personId') personId: string, @Body() body: SetContactRoleRequest) {
    return this.accounts.setContactRole(auth, id, personId, body);
  }

  @Route(Api.mergeAccounts)
  merge(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: MergeAccountsRequest) {
    return this.accounts.merge(auth, id, body);
  }
}
