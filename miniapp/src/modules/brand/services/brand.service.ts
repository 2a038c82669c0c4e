import type { PublicBrand } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { serverUrl } from '@/core/api/server-url';
import { applyDocumentBrand } from '@/core/platform/document';
import { createStore } from '@/core/store';

/** The company the mini-program speaks for; null until loaded (pages then show neutral text). */
export const brandStore = createStore<PublicBrand | null>(null);

let loading: Promise<PublicBrand> | null = null;

/** Loads the brand once per launch (the server lets it be cached for a minute). */
export function loadBrand(): Promise<PublicBrand> {
  if (loading) return loading;
  const request = api('brand').then((brand) => {
    showBrand(brand);
    return brand;
  });
  loading = request.catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Shows this brand from now on (after a load, or at once when the admin saved it). */
export function showBrand(brand: PublicBrand): void {
  brandStore.set(brand);
  applyDocumentBrand({ colour: brand.colour, iconUrl: brand.logoUrl ? serverUrl(brand.logoUrl) : null });
}

/** How pages name the company: its short name, or nothing at all before an admin sets one. */
export function shortNameOf(brand: PublicBrand | null): string {
  return brand?.configured ? brand.shortName : '';
}

export function companyNameOf(brand: PublicBrand | null): string {
  return brand?.configured ? brand.companyName : '';
}

/** A share card's title: the content's own title, then the company's name when there is one. */
export function brandedTitle(title: string, brand: PublicBrand | null): string {
  const name = shortNameOf(brand);
  return name ? `${title} | ${name}` : title;
}
