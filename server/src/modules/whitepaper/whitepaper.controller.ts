import { Body, Controller, Param, Res } from '@nestjs/common';
import { Api, type DownloadLinkQuery, type DownloadRequest, type PageQuery } from '@leadloop/shared';
import type { Response } from 'express';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { streamFile } from '../storage/served-file';
import { DownloadsService } from './downloads.service';
import { WhitepaperService } from './whitepaper.service';

/** Prospects: a published whitepaper, its gate, the download, and the files behind links. */
@Controller()
export class WhitepaperController {
  constructor(
    private readonly whitepapers: WhitepaperService,
    private readonly downloads: DownloadsService,
  ) {}

  @Route(Api.whitepapers)
  list(@ValidQuery() query: PageQuery) {
    return this.whitepapers.listPublished(query);
  }

  @Route(Api.whitepaper)
  detail(@Param('id') id: string) {
    return this.whitepapers.publishedView(id);
  }

  @Route(Api.whitepaperGate)
  gate(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.downloads.gateStatus(auth, id);
  }

  @Route(Api.downloadWhitepaper)
  download(@Auth() auth: AuthContext, @Param('id') id: string, @Body() body: DownloadRequest) {
    return this.downloads.download(auth, id, body);
  }

  @Route(Api.myDownloads)
  mine(@Auth() auth: AuthContext, @ValidQuery() query: PageQuery) {
    return this.downloads.mine(auth, query);
  }

  @Route(Api.whitepaperFile)
  async file(@Param('downloadId') downloadId: string, @ValidQuery() query: DownloadLinkQuery, @Res({ passthrough: true }) res: Response) {
    return streamFile(res, await this.downloads.openFile(downloadId, query));
  }

  @Route(Api.whitepaperCover)
  async cover(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    return streamFile(res, await this.whitepapers.cover(id));
  }
}
