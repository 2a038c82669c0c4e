import { Body, Controller, Param, Res, UploadedFiles } from '@nestjs/common';
import { Api, BRAND_LOGO_FIELD, type UpdateBrandRequest } from '@leadloop/shared';
import type { Response } from 'express';
import { Auth, type AuthContext, Route, type UploadedParts } from '../../core/route';
import { streamFile } from '../storage/served-file';
import { BrandService } from './brand.service';

@Controller()
export class BrandController {
  constructor(private readonly brand: BrandService) {}

  /** Read on every prospect page: a short max-age, then an ETag revalidation (Express answers 304 when it matches and the request allows a cached copy). */
  @Route(Api.brand)
  async view(@Res({ passthrough: true }) res: Response) {
    const view = await this.brand.publicView();
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.setHeader('ETag', `W/"brand-${view.version}-${view.privacyPolicyVersion}"`);
    return view;
  }

  @Route(Api.brandLogo)
  async logo(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    return streamFile(res, await this.brand.logo(id));
  }

  @Route(Api.policyDocument)
  policy(@Param('kind') kind: string) {
    return this.brand.policy(kind);
  }

  @Route(Api.consoleBrand)
  settings() {
    return this.brand.settings();
  }

  @Route(Api.updateBrand)
  update(@Auth() auth: AuthContext, @Body() body: UpdateBrandRequest) {
    return this.brand.update(auth, body);
  }

  @Route(Api.uploadBrandLogo)
  uploadLogo(@Auth() auth: AuthContext, @UploadedFiles() parts: UploadedParts) {
    return this.brand.uploadLogo(auth, parts?.[BRAND_LOGO_FIELD]?.[0]?.buffer);
  }
}
