import type { HomeBlock, HomeEditorView } from '@leadloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { bannerBlock, checkBlocks, describeHomeError, moveBlock } from '../services/home-blocks';
import { fetchHomeEditor, publishHome, saveHomeDraft, uploadBannerImage } from '../services/home-page.service';

/** The 首页装修 editor: blocks edited locally, saved as the draft, published as a version. */
export function useHomeEditor() {
  const [view, setView] = useState<HomeEditorView | null>(null);
  const [blocks, setBlocks] = useState<HomeBlock[]>([]);
  const [dirty, setDirty] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | 'upload' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    fetchHomeEditor()
      .then((v) => {
        setView(v);
        setBlocks(v.blocks);
        setDirty(false);
      })
      .catch(setLoadError);
  }, []);
  useEffect(load, [load]);

  const edit = (next: HomeBlock[]) => {
    setBlocks(next);
    setDirty(true);
    setNotice(null);
    setProblems({});
  };

  const update = (index: number, block: HomeBlock) => edit(blocks.map((b, i) => (i === index ? block : b)));
  const remove = (index: number) => edit(blocks.filter((_, i) => i !== index));
  const move = (index: number, by: -1 | 1) => edit(moveBlock(blocks, index, by));
  const add = (block: HomeBlock) => edit([...blocks, block]);

  const run = async (kind: 'save' | 'publish', action: () => Promise<HomeEditorView>, done: string) => {
    const found = checkBlocks(blocks);
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) {
      setError('有模块的内容不完整，请按提示修改');
      return;
    }
    setBusy(kind);
    try {
      const v = await action();
      setView(v);
      setBlocks(v.blocks);
      setDirty(false);
      setNotice(done);
    } catch (failure) {
      setError(describeHomeError(failure));
    } finally {
      setBusy(null);
    }
  };

  const save = () => run('save', () => saveHomeDraft(blocks), '草稿已保存，访客看到的仍是已发布的版本');
  // publishing publishes the draft: unsaved edits are saved first
  const publish = () => run('publish', async () => (dirty ? saveHomeDraft(blocks) : Promise.resolve(view!)).then(() => publishHome()), '已发布，访客刷新首页即可看到');

  const addBanner = async () => {
    setError(null);
    try {
      const file = await platform.pickFile('image');
      if (!file) return;
      setBusy('upload');
      add(bannerBlock((await uploadBannerImage(file)).imageId));
    } catch (failure) {
      if (!isApiError(failure, 'CANCELLED')) setError(describeHomeError(failure));
    } finally {
      setBusy(null);
    }
  };

  return { view, blocks, dirty, loadError, reload: load, problems, error, busy, notice, update, remove, move, add, addBanner, save, publish };
}
