import type { CardImageKind, MyCard } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { useApiResource } from '@/core/api/useApiResource';
import { platform } from '@/core/platform';
import { cardErrorsFrom, checkCardForm, formFromCard, type CardErrors, type CardForm } from '../services/card-form';
import { describeCardError } from '../services/card-errors';
import { fetchMyCard, saveMyCard, uploadCardImage } from '../services/card.service';

/** The owner's card editor: the form, saving it, and uploading the avatar and contact QR. */
export function useMyCardEditor() {
  const { data, error, reload } = useApiResource(fetchMyCard);
  const [card, setCard] = useState<MyCard | null>(null);
  const [form, setForm] = useState<CardForm | null>(null);
  const [errors, setErrors] = useState<CardErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [uploading, setUploading] = useState<CardImageKind | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);

  useEffect(() => {
    if (!data) return;
    setCard(data);
    setForm((prev) => prev ?? formFromCard(data));
  }, [data]);

  const set = useCallback(<K extends keyof CardForm>(key: K, value: CardForm[K]) => {
    setForm((prev) => (prev ? { ...prev, [key]: value } : prev));
    setErrors((prev) => ({ ...prev, [key]: undefined }));
    setSaved(false);
  }, []);

  const save = useCallback(async () => {
    if (!form) return;
    const check = checkCardForm(form);
    if (!check.ok) {
      setErrors(check.errors);
      setGeneral('请先修改标红的内容');
      return;
    }
    setSaving(true);
    setErrors({});
    setGeneral(null);
    try {
      const next = await saveMyCard(check.request);
      setCard(next);
      setForm(formFromCard(next));
      setSaved(true);
    } catch (failure) {
      const fieldErrors = cardErrorsFrom(failure);
      setErrors(fieldErrors);
      setGeneral(Object.keys(fieldErrors).length > 0 ? '请先修改标红的内容' : describeCardError(failure));
    } finally {
      setSaving(false);
    }
  }, [form]);

  /** Chooses an image within the tap, then uploads it; the card updates, the form keeps what was typed. */
  const uploadImage = useCallback(async (kind: CardImageKind) => {
    setImageError(null);
    try {
      const file = await platform.pickFile('image');
      if (!file) return;
      setUploading(kind);
      setCard(await uploadCardImage(kind, file));
    } catch (failure) {
      if (!isApiError(failure, 'CANCELLED')) setImageError(describeCardError(failure));
    } finally {
      setUploading(null);
    }
  }, []);

  return { card, form, error, reload, errors, general, saving, saved, uploading, imageError, set, save, uploadImage };
}

export type MyCardEditor = ReturnType<typeof useMyCardEditor>;
