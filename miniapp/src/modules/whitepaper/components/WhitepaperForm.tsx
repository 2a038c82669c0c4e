import { ProfileFieldLabels, ProfileFields, type WhitepaperAdminView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import type { PickedFile } from '@/core/platform';
import { ActionButton, Card, CheckOption, Notice, TextAreaField, TextField } from '@/ui';
import { useWhitepaperForm } from '../hooks/useWhitepaperForm';
import { SUMMARY_MAX, TITLE_MAX } from '../services/upload-form';
import { formatFileSize } from '../services/whitepaper-format';
import './WhitepaperConsole.scss';

interface FilePickerProps {
  label: string;
  file: PickedFile | null;
  /** What there is now when nothing new was chosen (an edit). */
  current?: string | null;
  placeholder: string;
  error?: string;
  onPick(): void;
  block: string;
}

function FilePicker({ label, file, current, placeholder, error, onPick, block }: FilePickerProps) {
  return (
    <View className={`ll-field whitepaper-form__file ${block} ${error ? 'll-field--error' : ''}`}>
      <Text className='ll-field__label'>{label}</Text>
      <View className='whitepaper-form__file-row'>
        <View className='whitepaper-form__file-name'>
          <Text className={file ? 'whitepaper-form__chosen' : 'll-muted'}>{file ? file.name : (current ?? placeholder)}</Text>
          {file && <Text className='ll-muted'>{formatFileSize(file.size)}</Text>}
        </View>
        <ActionButton variant='secondary' small block={false} onClick={onPick}>
          {file || current ? '重新选择' : '选择文件'}
        </ActionButton>
      </View>
      {error && <Text className='ll-field__error'>{error}</Text>}
    </View>
  );
}

interface WhitepaperFormProps {
  /** Editing this whitepaper; null for a new upload. */
  editing: WhitepaperAdminView | null;
  onSaved(paper: WhitepaperAdminView): void;
  onCancel?(): void;
}

/** Upload a whitepaper (PDF, optional cover, what the download form asks for), or edit one. */
export function WhitepaperForm({ editing, onSaved, onCancel }: WhitepaperFormProps) {
  const { form, errors, general, busy, set, toggleField, pick, submit } = useWhitepaperForm(editing, onSaved);

  return (
    <Card
      className='whitepaper-form'
      title={editing ? '编辑白皮书' : '上传白皮书'}
      subtitle={editing ? '修改后访客立即看到新内容；替换文件会生成新版本' : '上传后为草稿，确认无误再发布'}
    >
      <TextField label='标题' name='wp-title' value={form.title} onChange={(v) => set('title', v)} placeholder='例如：2026 制造业私域增长白皮书' maxlength={TITLE_MAX} error={errors.title} />
      <TextAreaField label='简介' name='wp-summary' value={form.summary} onChange={(v) => set('summary', v)} placeholder='这份白皮书讲了什么、适合谁读' maxlength={SUMMARY_MAX} error={errors.summary} />
      <TextField label='标签' name='wp-tags' value={form.tags} onChange={(v) => set('tags', v)} placeholder='例如：私域，ABM，制造业' maxlength={200} hint='用逗号分隔，最多 10 个' error={errors.tags} />

      <Text className='ll-field__label whitepaper-form__label'>下载时需填写</Text>
      <View className='whitepaper-form__fields'>
        {ProfileFields.map((field) => (
          <CheckOption key={field} className='whitepaper-form__field' checked={form.requiredFields.includes(field)} onChange={(on) => toggleField(field, on)}>
            <Text>{ProfileFieldLabels[field]}</Text>
          </CheckOption>
        ))}
      </View>
      <Text className='whitepaper-form__hint'>已填写过的访客无需重复填写；隐私政策的同意每次都会确认。</Text>
      {errors.requiredFields && <Notice tone='error'>{errors.requiredFields}</Notice>}

      <FilePicker
        block='whitepaper-form__pdf'
        label={editing ? 'PDF 文件（可替换）' : 'PDF 文件'}
        file={form.file}
        current={editing?.fileName}
        placeholder='尚未选择'
        error={errors.file}
        onPick={() => void pick('pdf')}
      />
      <FilePicker
        block='whitepaper-form__cover'
        label='封面（可选）'
        file={form.cover}
        current={editing?.coverUrl ? '已上传封面' : null}
        placeholder='PNG 或 JPG，建议 3:4，不超过 2 MB'
        error={errors.cover}
        onPick={() => void pick('image')}
      />

      {general && <Notice tone='error'>{general}</Notice>}
      <View className='ll-row'>
        {onCancel && (
          <ActionButton variant='ghost' onClick={onCancel}>
            取消
          </ActionButton>
        )}
        <ActionButton loading={busy} disabled={busy} onClick={() => void submit()}>
          {editing ? '保存修改' : '上传白皮书'}
        </ActionButton>
      </View>
    </Card>
  );
}
