import type { TestServer } from './app';
export { CSV_HEADER, gbkEncode } from './csv';
import { upload } from './whitepaper';

/** POST /accounts/import with the file as the console's import dialog sends it. */
export function importAccounts(server: TestServer, token: string, bytes: Buffer) {
  return upload(server, '/accounts/import', token, {}, [{ field: 'file', bytes, filename: 'targets.csv', type: 'text/csv' }]);
}
