import type { WorkingCalendarView } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { type CalendarForm, formOf, settingsOf } from '../services/working-calendar-form';
import { fetchCalendar, saveCalendar } from '../services/working-calendar.service';

/** The working calendar as an editable form: load, change, save. */
export function useWorkingCalendar() {
  const [view, setView] = useState<WorkingCalendarView | null>(null);
  const [form, setForm] = useState<CalendarForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let active = true;
    setLoadError(null);
    fetchCalendar()
      .then((v) => {
        if (!active) return;
        setView(v);
        setForm(formOf(v));
      })
      .catch((failure: unknown) => active && setLoadError(failure));
    return () => {
      active = false;
    };
  }, [generation]);

  const change = useCallback((patch: Partial<CalendarForm>) => {
    setSaved(false);
    setForm((prev) => (prev ? { ...prev, ...patch } : prev));
  }, []);

  const save = useCallback(async () => {
    if (!form || saving) return;
    const checked = settingsOf(form);
    if ('problem' in checked) return setProblem(checked.problem);
    setProblem(null);
    setSaving(true);
    try {
      const next = await saveCalendar(checked.settings);
      setView(next);
      setForm(formOf(next));
      setSaved(true);
    } catch (failure) {
      setProblem(describeError(failure));
    } finally {
      setSaving(false);
    }
  }, [form, saving]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { view, form, loadError, problem, saving, saved, change, save, reload };
}
