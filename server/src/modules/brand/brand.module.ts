import { Global, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { BRAND_LOGO_MAX_BYTES } from '@leadloop/shared';
import { BrandController } from './brand.controller';
import { BrandRepository } from './brand.repository';
import { BrandService } from './brand.service';

/**
 * 品牌设置 (SPEC: the mini-program is the customer's). Global and a leaf: consents read the
 * privacy-policy version from here, posters the company's name and colour, without imports.
 */
@Global()
@Module({
  // a part over the limit is a 413 (PAYLOAD_TOO_LARGE)
  imports: [MulterModule.register({ limits: { fileSize: BRAND_LOGO_MAX_BYTES, files: 1, fields: 2, parts: 3 } })],
  controllers: [BrandController],
  providers: [BrandRepository, BrandService],
  exports: [BrandService],
})
export class BrandModule {}
