import { Global, Module } from '@nestjs/common';
import { FILE_STORAGE, fileStorageProvider } from './file-storage';

/**
 * The one FileStorage of the app (uploaded whitepapers and covers, card images), provided once.
 * Global, like the config: features inject `FILE_STORAGE` without importing this module.
 */
@Global()
@Module({
  providers: [fileStorageProvider],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
