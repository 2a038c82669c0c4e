import type { PublicBrand } from '@leadloop/shared';
import { useEffect } from 'react';
import { useStore } from '@/core/store';
import { brandStore, loadBrand } from '../services/brand.service';

/** The company's brand (null while it loads or when the server cannot be reached: pages stay neutral). */
export function useBrand(): PublicBrand | null {
  const brand = useStore(brandStore);
  useEffect(() => {
    loadBrand().catch(() => undefined);
  }, []);
  return brand;
}
