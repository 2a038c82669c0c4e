import type { StaffListItem } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { listStaff } from '../services/staff-admin.service';

export function useStaffDirectory(enabled: boolean) {
  const [items, setItems] = useState<StaffListItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let active = true;
    setError(null);
    listStaff()
      .then((result) => active && setItems(result.items))
      .catch((failure: unknown) => active && setError(failure));
    return () => {
      active = false;
    };
  }, [enabled, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { items, error, reload };
}
