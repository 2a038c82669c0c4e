import type { ConsoleLiveEvent, CreateLiveEventRequest } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { fieldErrorsFrom, type FieldErrors } from '../services/field-errors';
import { createLiveEvent, findConsoleEvent, publishLiveEvent, updateLiveEvent } from '../services/live-console.service';
import { describeLiveError } from '../services/live-errors';
import { changesBetween, emptyForm, formFromEvent, requestFromForm, type LiveForm } from '../services/live-form';

/** PATCHes only what changed since the event was loaded or last saved (nothing: no request). */
async function saveChanges(saved: ConsoleLiveEvent, request: CreateLiveEventRequest): Promise<ConsoleLiveEvent> {
  const before = requestFromForm(formFromEvent(saved)).request;
  const changes = before ? changesBetween(before, request) : request;
  return Object.keys(changes).length > 0 ? updateLiveEvent(saved.id, changes) : saved;
}

/**
 * The console's create/edit form for one event: loads it (when editing), checks what a person can
 * fix before sending, saves as a draft or publishes, and shows the server's refusals per field.
 */
export function useLiveEditor(id: string | null) {
  const [saved, setSaved] = useState<ConsoleLiveEvent | null>(null);
  const [form, setForm] = useState<LiveForm | null>(() => (id ? null : emptyForm(Date.now())));
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);

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
    [form, busy, saved],
  );

  return { form, saved, loadError, errors, problem, message, busy, update, save, reload: load };
}
