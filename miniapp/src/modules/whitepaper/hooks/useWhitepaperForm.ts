import type { ProfileField, WhitepaperAdminView } from '@leadloop/shared';
import { useCallback, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { platform, type FileKind } from '@/core/platform';
import { checkUploadForm, emptyUploadForm, formFromWhitepaper, splitTags, uploadErrorsFrom, type UploadErrors, type UploadForm } from '../services/upload-form';
import { describeWhitepaperError } from '../services/whitepaper-errors';
import { createWhitepaper, replaceFiles, updateWhitepaper } from '../services/whitepaper.service';

/**
 * The console's whitepaper form: a new upload (PDF required, cover optional), or an edit of an
 * existing one (text, gate fields, and optionally a new PDF or cover). Complaints land under the
 * field they are about, whether the form or the server found them.
 */
export function useWhitepaperForm(editing: WhitepaperAdminView | null, onSaved: (paper: WhitepaperAdminView) => void) {
  const [form, setForm] = useState<UploadForm>(() => (editing ? formFromWhitepaper(editing) : emptyUploadForm()));
  const [errors, setErrors] = useState<UploadErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = useCallback(<K extends keyof UploadForm>(key: K, value: UploadForm[K]) => {
    setForm((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => ({ ...prev, [key]: undefined }));
  }, []);

  const toggleField = useCallback((field: ProfileField, on: boolean) => {
    setForm((prev) => ({ ...prev, requiredFields: on ? [...prev.requiredFields.filter((f) => f !== field), field] : prev.requiredFields.filter((f) => f !== field) }));
  }, []);

  /** Opens the chooser within the tap (a browser refuses it otherwise): nothing is awaited before it. */
  const pick = useCallback(
    async (kind: FileKind) => {
      const key = kind === 'pdf' ? 'file' : 'cover';
      try {
        const file = await platform.pickFile(kind);
        if (file) set(key, file);
      } catch (failure) {
        if (!isApiError(failure, 'CANCELLED')) setErrors((prev) => ({ ...prev, [key]: describeWhitepaperError(failure) }));
      }
    },
    [set],
  );

  const submit = useCallback(async () => {
    const check = checkUploadForm(form, { needsFile: !editing });
    if (!check.ok) {
      setErrors(check.errors);
      setGeneral(null);
      return;
    }
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      let saved: WhitepaperAdminView;
      if (!editing) {
        saved = await createWhitepaper({ fields: check.fields, file: form.file!, cover: form.cover });
      } else {
        saved = await updateWhitepaper(editing.id, {
          title: check.fields.title,
          summary: check.fields.summary,
          tags: splitTags(form.tags),
          requiredFields: form.requiredFields,
        });
        if (form.file || form.cover) saved = await replaceFiles(editing.id, { file: form.file ?? undefined, cover: form.cover ?? undefined });
      }
      setForm(editing ? formFromWhitepaper(saved) : emptyUploadForm());
      onSaved(saved);
    } catch (failure) {
      const { fields, general: message } = uploadErrorsFrom(failure);
      setErrors(fields);
      setGeneral(message);
    } finally {
      setBusy(false);
    }
  }, [form, editing, onSaved]);

  return { form, errors, general, busy, set, toggleField, pick, submit };
}
