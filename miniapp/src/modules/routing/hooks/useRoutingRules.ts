import type { AccountTier, CompanySizeBand, Industry, Province, RoutingRuleList } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { useApiResource } from '@/core/api/useApiResource';
import { listSalesGroups } from '@/modules/sales-org/services/sales-org.service';
import { listRoutingRules, saveRoutingRules } from '../services/routing.service';

/** A rule as the editor holds it (a local key until saved). */
export interface RuleRow {
  key: string;
  name: string;
  regions: Province[];
  industries: Industry[];
  sizeBands: CompanySizeBand[];
  tiers: AccountTier[];
  groupId: string | null;
  enabled: boolean;
}

let counter = 0;
const rowsOf = (list: RoutingRuleList): RuleRow[] => list.items.map((r) => ({ key: r.id, name: r.name, regions: r.regions, industries: r.industries, sizeBands: r.sizeBands, tiers: r.tiers, groupId: r.group.id, enabled: r.enabled }));

/** The ordered rules being edited: add, change, move, remove, then save the whole list at once. */
export function useRoutingRules() {
  const saved = useApiResource(listRoutingRules);
  const groups = useApiResource(listSalesGroups);
  const [rows, setRows] = useState<RuleRow[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (saved.data) setRows(rowsOf(saved.data));
  }, [saved.data]);

  const edit = useCallback((update: (rows: RuleRow[]) => RuleRow[]) => {
    setDone(false);
    setRows((prev) => (prev ? update(prev) : prev));
  }, []);
  const add = () => edit((r) => [...r, { key: `new-${++counter}`, name: `规则 ${r.length + 1}`, regions: [], industries: [], sizeBands: [], tiers: [], groupId: null, enabled: true }]);
  const change = (i: number, patch: Partial<RuleRow>) => edit((r) => r.map((row, k) => (k === i ? { ...row, ...patch } : row)));
  const remove = (i: number) => edit((r) => r.filter((_, k) => k !== i));
  const move = (i: number, by: -1 | 1) =>
    edit((r) => {
      const j = i + by;
      if (j < 0 || j >= r.length) return r;
      const next = [...r];
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });

  const save = async () => {
    if (!rows) return;
    const missing = rows.findIndex((r) => !r.groupId || !r.name.trim());
    if (missing >= 0) return setProblem(`第 ${missing + 1} 条规则缺少名称或销售组`);
    setSaving(true);
    setProblem(null);
    try {
      const list = await saveRoutingRules({ rules: rows.map((r) => ({ name: r.name.trim(), regions: r.regions, industries: r.industries, sizeBands: r.sizeBands, tiers: r.tiers, groupId: r.groupId!, enabled: r.enabled })) });
      saved.setData(list);
      setDone(true);
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return { saved, groups, rows, add, change, remove, move, save, saving, problem, done };
}
