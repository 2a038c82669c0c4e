import type { LeadSettingsView, PreviewResponse, RescoreRunView, RuleSetView } from '@leadloop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  describeScoringError,
  draftOf,
  fetchProgress,
  fetchRules,
  fetchSettings,
  previewDraft,
  rulesFormOf,
  saveRules,
  saveSettings,
  settingsFormOf,
  settingsOf,
  type FitRow,
  type IntentRow,
  type RulesForm,
  type SettingsForm,
} from '../services/scoring-console.service';

const POLL_MS = 2000;

/** The scoring console: the active rules as an editable draft, the settings, a preview of the draft, re-score progress. */
export function useScoringEditor() {
  const [rules, setRules] = useState<RuleSetView | null>(null);
  const [form, setForm] = useState<RulesForm | null>(null);
  const [settings, setSettings] = useState<LeadSettingsView | null>(null);
  const [settingsForm, setSettingsForm] = useState<SettingsForm | null>(null);
  const [run, setRun] = useState<RescoreRunView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [settingsProblem, setSettingsProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState<'rules' | 'settings' | null>(null);
  const [saved, setSaved] = useState<'rules' | 'settings' | null>(null);
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const poll = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    fetchProgress()
      .then(({ run: latest }) => {
        setRun(latest);
        if (latest?.status === 'running') timer.current = setTimeout(poll, POLL_MS);
      })
      .catch(() => {
        timer.current = setTimeout(poll, POLL_MS * 3);
      });
  }, []);

  const load = useCallback(() => {
    setLoadError(null);
    Promise.all([fetchRules(), fetchSettings()])
      .then(([r, s]) => {
        setRules(r);
        setForm(rulesFormOf(r));
        setSettings(s);
        setSettingsForm(settingsFormOf(s));
        poll();
      })
      .catch(setLoadError);
  }, [poll]);
  useEffect(() => {
    load();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load]);

  const edited = () => {
    setProblem(null);
    setSaved(null);
    setPreview(null);
  };
  const changeIntent = (index: number, patch: Partial<IntentRow>) => {
    setForm((f) => f && { ...f, intentRules: f.intentRules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
    edited();
  };
  const changeFit = (index: number, patch: Partial<FitRow>) => {
    setForm((f) => f && { ...f, fitRules: f.fitRules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
    edited();
  };
  const changeGrade = (grade: 'A' | 'B' | 'C', value: string) => {
    setForm((f) => f && { ...f, grades: { ...f.grades, [grade]: value } });
    edited();
  };
  const changeSettings = (patch: Partial<SettingsForm>) => {
    setSettingsForm((f) => f && { ...f, ...patch });
    setSettingsProblem(null);
    setSaved(null);
  };

  const runPreview = async () => {
    if (!form) return;
    const checked = draftOf(form);
    if ('problem' in checked) return setProblem(checked.problem);
    setPreviewing(true);
    try {
      setPreview(await previewDraft(checked.draft));
    } catch (error) {
      setProblem(describeScoringError(error));
    } finally {
      setPreviewing(false);
    }
  };

  const save = async () => {
    if (!form) return;
    const checked = draftOf(form);
    if ('problem' in checked) return setProblem(checked.problem);
    setSaving('rules');
    try {
      const r = await saveRules(checked.draft);
      setRules(r);
      setForm(rulesFormOf(r));
      setSaved('rules');
      poll();
    } catch (error) {
      setProblem(describeScoringError(error));
    } finally {
      setSaving(null);
    }
  };

  const saveSettingsForm = async () => {
    if (!settingsForm) return;
    const checked = settingsOf(settingsForm);
    if ('problem' in checked) return setSettingsProblem(checked.problem);
    setSaving('settings');
    try {
      const s = await saveSettings(checked.settings);
      setSettings(s);
      setSettingsForm(settingsFormOf(s));
      setSaved('settings');
      poll();
    } catch (error) {
      setSettingsProblem(describeScoringError(error));
    } finally {
      setSaving(null);
    }
  };

  return { rules, form, settings, settingsForm, run, loadError, problem, settingsProblem, saving, saved, preview, previewing, reload: load, changeIntent, changeFit, changeGrade, changeSettings, runPreview, save, saveSettings: saveSettingsForm };
}
