import { useState } from 'react';
import { useAccountList } from '../hooks/useAccounts';
import { AccountImportSheet } from './AccountImportSheet';
import { AccountTable } from './AccountTable';

/** The console's accounts: the filtered list, and the target-account import. */
export function AccountsConsole() {
  const { list, filters, setFilters } = useAccountList();
  const [importing, setImporting] = useState(false);
  return (
    <>
      <AccountTable list={list} filters={filters} onFilters={setFilters} onImport={() => setImporting(true)} />
      {importing && <AccountImportSheet onClose={() => setImporting(false)} onImported={list.reload} />}
    </>
  );
}
