import { Body, Controller, Param, UploadedFiles } from '@nestjs/common';
import { Api, type CreateWhitepaperForm, type UpdateWhitepaperRequest, type WhitepaperListQuery } from '@leadloop/shared';
import { Auth, type AuthContext, Route, type UploadedParts, ValidQuery } from '../../core/route';
import { WhitepaperService } from './whitepaper.service';

/** The marketing console: upload, edit, replace files, publish. */
@Controller()
export class WhitepaperConsoleController {
  constructor(private readonly whitepapers: WhitepaperService) {}

  @Route(Api.createWhitepaper)
  create(@Auth() auth: AuthContext, @Body() form: CreateWhitepaperForm, @UploadedFiles() parts: UploadedParts) {
    return this.whitepapers.create(auth, form, parts);
  }

  @Route(Api.consoleWhitepapers)
  list(@ValidQuery() query: WhitepaperListQuery) {
    return this.whitepapers.list(query);
  }

  @Route(Api.consoleWhitepaper)
  get(@Param('id') id: string) {
    return this.whitepapers.get(id);
  }

  @Route(Api.updateWhitepaper)
  update(@Param('id') id: string, @Body() changes: UpdateWhitepaperRequest) {
    return this.whitepapers.update(id, changes);
  }

  @Route(Api.replaceWhitepaperFiles)
  replaceFiles(@Param('id') id: string, @UploadedFiles() parts: UploadedParts) {
    return this.whitepapers.replaceFiles(id, parts);
  }

  @Route(Api.publishWhitepaper)
  publish(@Param('id') id: string) {
    return this.whitepapers.setPublished(id, true);
  }

  @Route(Api.unpublishWhitepaper)
  unpublish(@Param('id') id: string) {
    return this.whitepapers.setPublished(id, false);
  }
}
