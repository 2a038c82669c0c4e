import { SetMetadata } from '@nestjs/common';

export const PUBLIC_META = 'leadloop:public';

/** Marks a controller outside the API contract table as open (the sandbox, the H5 fallback). */
export const PublicController = () => SetMetadata(PUBLIC_META, true);
