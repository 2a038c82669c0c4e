import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useApiResource } from '@/core/api/useApiResource';
import { fetchPublishedHome } from '../services/home-page.service';

/** The published home page; read again when 首页 shows again (a publish appears without a relaunch). */
export function usePublishedHome() {
  const resource = useApiResource(fetchPublishedHome);
  const loaded = useRef(false);
  loaded.current = resource.data !== null;
  useDidShow(() => {
    if (loaded.current) resource.reload();
  });
  return resource;
}
