import { Body, Controller, Param, Res, UploadedFiles } from '@nestjs/common';
import { Api, HOME_IMAGE_FIELD, type HomeContactRequest, type HomeLinkRequest, type PageQuery, type SaveHomeDraftRequest } from '@leadloop/shared';
import type { Response } from 'express';
import { Auth, type AuthContext, Route, type UploadedParts, ValidQuery } from '../../core/route';
import { streamFile } from '../storage/served-file';
import { HomeContactService } from './home-contact.service';
import { HomePageService } from './home-page.service';

@Controller()
export class HomePageController {
  constructor(
    private readonly home: HomePageService,
    private readonly contacts: HomeContactService,
  ) {}

  @Route(Api.publishedHome)
  published(@Res({ passthrough: true }) res: Response) {
    // a publish shows within a minute at most
    res.setHeader('Cache-Control', 'public, max-age=30');
    return this.home.published();
  }

  @Route(Api.homeLink)
  link(@Body() body: HomeLinkRequest) {
    return this.home.link(body);
  }

  @Route(Api.homeImage)
  async image(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    return streamFile(res, await this.home.image(id));
  }

  @Route(Api.homeContact)
  contact(@Auth() auth: AuthContext, @Body() body: HomeContactRequest) {
    return this.contacts.request(auth, body);
  }

  @Route(Api.homeEditor)
  editor() {
    return this.home.editor();
  }

  @Route(Api.saveHomeDraft)
  saveDraft(@Auth() auth: AuthContext, @Body() body: SaveHomeDraftRequest) {
    return this.home.saveDraft(auth, body);
  }

  @Route(Api.publishHome)
  publish(@Auth() auth: AuthContext) {
    return this.home.publish(auth);
  }

  @Route(Api.uploadHomeImage)
  upload(@UploadedFiles() parts: UploadedParts) {
    return this.home.uploadImage(parts?.[HOME_IMAGE_FIELD]?.[0]?.buffer);
  }

  @Route(Api.homeCardChoices)
  cards(@ValidQuery() query: PageQuery) {
    return this.home.cardChoices(query);
  }
}
