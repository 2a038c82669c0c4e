import type { BrandSettings } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { type BrandErrors, type BrandForm, brandErrorsFrom, checkBrandForm, describeBrandError, fetchBrandSettings, formOf, saveBrandSettings, uploadBrandLogo } from '../services/brand-console.service';
import { showBrand } from '../services/brand.service';

/** 品牌设置 as the admin edits it: load, edit field by field, save, replace the logo. */
export function useBrandEditor() {
  const [settings, setSettings] = useState<BrandSettings | null>(null);
  const [form, setForm] = useState<BrandForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<BrandErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [uploading, setUploading] = useState(false);

  const load = useCallback(() => {
    setLoadError(null);
    fetchBrandSettings()
      .then((s) => {
        setSettings(s);
        setForm(formOf(s));
      })
      .catch(setLoadError);
  }, []);
  useEffect(load, [load]);

  const applied = (s: BrandSettings) => {
    setSettings(s);
    // pages open in this browser show the new brand at once (a re-read could answer from the browser's cache)
    showBrand(s);
  };

  const change = (field: keyof BrandForm, value: string) => {
    setForm((f) => (f ? { ...f, [field]: value } : f));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setSaved(false);
  };

  const save = async () => {
    if (!form) return;
    const found = checkBrandForm(form);
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const s = await saveBrandSettings(form);
      applied(s);
      setForm(formOf(s));
      setSaved(true);
    } catch (failure) {
      const { fields, general: sentence } = brandErrorsFrom(failure);
      setErrors(fields);
      setGeneral(sentence);
    } finally {
      setSaving(false);
    }
  };

  const replaceLogo = async () => {
    setGeneral(null);
    try {
      const file = await platform.pickFile('image');
      if (!file) return;
      setUploading(true);
      applied(await uploadBrandLogo(file));
    } catch (failure) {
      if (!isApiError(failure, 'CANCELLED')) setGeneral(describeBrandError(failure));
    } finally {
      setUploading(false);
    }
  };

  return { settings, form, loadError, reload: load, errors, general, saving, saved, uploading, change, save, replaceLogo };
}
