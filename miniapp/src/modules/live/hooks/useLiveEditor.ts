import { LIVE_COVER_MAX_BYTES, type ConsoleLiveEvent, type CreateLiveEventRequest } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { platform, type PickedFile } from '@/core/platform';
import { Routes } from '@/core/routes';
import { fieldErrorsFrom, type FieldErrors } from '../services/field-errors';
import { createLiveEvent, findConsoleEvent, publishLiveEvent, updateLiveEvent, uploadLiveCover } from '../services/live-console.service';
import { describeLiveError } from '../services/live-errors';
import { changesBetween, emptyForm, formFromEvent, requestFromForm, type LiveForm } from '../services/live-form';

/** PATCHes only what changed since the event was loaded or last saved (nothing: no request). */
async function saveChanges(saved: ConsoleLiveEvent, request: CreateLiveEventRequest): Promise<ConsoleLiveEvent> {
  const before = requestFromForm(formFromEvent(saved)).request;
  const changes = before ? changesBetween(before, request) : request;
  return Object.keys(changes).length > 0 ? updateLiveEvent(saved.id, changes) : saved;
}

/** A cover chosen before the event's first save: shown at once, uploaded right after the save. */
export interface PendingCover {
  file: PickedFile;
  preview: string;
}

function previewOf(file: PickedFile): string {
  return typeof file.source === 'string' ? file.source : URL.createObjectURL(file.source);
}

/**
 * The console's create/edit form for one event: loads it (when editing), checks what a person can
 * fix before sending, saves as a draft or publishes, and shows the server's refusals per field.
 */
export function useLiveEditor(id: string | null, onCreated?: (id: string) => void) {
  const [saved, setSaved] = useState<ConsoleLiveEvent | null>(null);
  const [form, setForm] = useState<LiveForm | null>(() => (id ? null : emptyForm(Date.now())));
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | 'cover' | null>(null);
  const [pendingCover, setPendingCover] = useState<PendingCover | null>(null);

  const load = useCallback(() => {
    if (!id) return;
    setLoadError(null);
    findConsoleEvent(id)
      .then((event) => {
        if (!event) {
          setLoadError('NOT_FOUND');
          return;
        }
        setSaved(event);
        setForm(formFromEvent(event));
      })
      .catch((failure: unknown) => setLoadError(failure));
  }, [id]);

  useEffect(load, [load]);

  const update = useCallback((patch: Partial<LiveForm>) => {
    setForm((prev) => (prev ? { ...prev, ...patch } : prev));
    setMessage(null);
  }, []);

  const save = useCallback(
    async (publish: boolean) => {
      if (!form || busy) return;
      const checked = requestFromForm(form);
      if (!checked.request) {
        setErrors(checked.errors);
        setProblem('有几项需要修改，请查看标红的内容');
        return;
      }
      setBusy(publish ? 'publish' : 'save');
      setProblem(null);
      setMessage(null);
      try {
        let event = saved ? await saveChanges(saved, checked.request) : await createLiveEvent(checked.request);
        // Saved first: a publish that fails still leaves the edits kept as a draft.
        setSaved(event);
        if (!saved) {
          // the new event's page now carries its id: a reload edits it, a second save never creates another
          platform.replaceAddress(`${Routes.consoleLiveEdit}?id=${encodeURIComponent(event.id)}`);
          onCreated?.(event.id);
        }
        if (pendingCover) {
          event = await uploadLiveCover(event.id, pendingCover.file);
          setPendingCover(null);
          setSaved(event);
        }
        if (publish && event.status !== 'published') event = await publishLiveEvent(event.id);
        setSaved(event);
        setErrors({});
        setMessage(publish ? '已发布，报名已开放' : event.status === 'published' ? '修改已保存' : '草稿已保存');
      } catch (failure) {
        if (isApiError(failure, 'VALIDATION_FAILED')) {
          const fields = fieldErrorsFrom(failure.details);
          setErrors(fields);
          setProblem(Object.keys(fields).length > 0 ? '有几项需要修改，请查看标红的内容' : describeLiveError(failure));
        } else {
          setProblem(describeLiveError(failure));
        }
      } finally {
        setBusy(null);
      }
    },
    [form, busy, saved, pendingCover, onCreated],
  );

  /** Chooses a cover (within the tap: the browser's chooser must open from it); uploads it once the event exists. */
  const chooseCover = useCallback(async () => {
    if (busy) return;
    setProblem(null);
    setMessage(null);
    let file: PickedFile | null;
    try {
      file = await platform.pickFile('image');
    } catch (failure) {
      setProblem(describeLiveError(failure));
      return;
    }
    if (!file) return;
    if (file.size > LIVE_COVER_MAX_BYTES) {
      setErrors((prev) => ({ ...prev, cover: '封面不能超过 2 MB' }));
      return;
    }
    if (file.type && !/^image\/(png|jpe?g)$/.test(file.type)) {
      setErrors((prev) => ({ ...prev, cover: '封面需为 PNG 或 JPG 图片' }));
      return;
    }
    setErrors(({ cover: _, ...rest }) => rest);
    if (!saved) {
      setPendingCover({ file, preview: previewOf(file) });
      return;
    }
    setBusy('cover');
    try {
      setSaved(await uploadLiveCover(saved.id, file));
      setMessage('封面已更新');
    } catch (failure) {
      if (isApiError(failure, 'IMAGE_TYPE_UNSUPPORTED')) setErrors((prev) => ({ ...prev, cover: '封面需为 PNG 或 JPG 图片' }));
      else setProblem(describeLiveError(failure));
    } finally {
      setBusy(null);
    }
  }, [busy, saved]);

  return { form, saved, loadError, errors, problem, message, busy, update, save, reload: load, pendingCover, chooseCover };
}
