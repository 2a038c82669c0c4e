import type { BrandSettings } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { serverUrl } from '@/core/api/server-url';
import { ActionButton, Card, EditorLayout, Loading, Notice, Picture, RetryCard, TextAreaField, TextField } from '@/ui';
import { useBrandEditor } from '../hooks/useBrandEditor';
import { type BrandForm, COLOUR_PRESETS } from '../services/brand-console.service';
import './BrandSettingsForm.scss';

/** 品牌设置: who the mini-program speaks for, its colour and logo, and the texts people agree to. */
export function BrandSettingsForm() {
  const editor = useBrandEditor();
  const { settings, form, errors } = editor;
  if (!settings || !form) return editor.loadError ? <RetryCard message={describeError(editor.loadError)} onRetry={editor.reload} /> : <Loading />;
  const colourValid = /^#[0-9a-fA-F]{6}$/.test(form.colour);

  return (
    <EditorLayout className='brand-settings' previewTitle='访客看到的样子' preview={<BrandPreview form={form} settings={settings} colourValid={colourValid} />}>
      {!settings.configured && <Notice tone='warning'>尚未设置公司名称：访客目前看到的是不含公司名的通用页面。请填写后保存。</Notice>}
      <Card title='公司信息' subtitle='显示在首页、页脚、分享标题和海报上'>
        <TextField label='公司全称' name='companyName' value={form.companyName} onChange={(v) => editor.change('companyName', v)} placeholder='例如：云启科技有限公司' maxlength={60} error={errors.companyName} />
        <TextField label='简称' name='shortName' value={form.shortName} onChange={(v) => editor.change('shortName', v)} placeholder='例如：云启科技' maxlength={12} hint='用于标题栏和较窄的位置' error={errors.shortName} />
        <TextField label='客服电话（选填）' name='servicePhone' value={form.servicePhone} onChange={(v) => editor.change('servicePhone', v)} placeholder='例如：400-800-1234' maxlength={20} error={errors.servicePhone} />
      </Card>

      <Card title='品牌色与标志'>
        <View className='brand-settings__colours'>
          {COLOUR_PRESETS.map((c) => (
            <View
              key={c}
              className={`brand-settings__swatch ${form.colour.toLowerCase() === c ? 'brand-settings__swatch--on' : ''}`}
              style={`background: ${c};`}
              ariaLabel={`选择颜色 ${c}`}
              onClick={() => editor.change('colour', c)}
            />
          ))}
        </View>
        <TextField label='品牌色' name='colour' value={form.colour} onChange={(v) => editor.change('colour', v)} placeholder='#1F5EFF' maxlength={7} hint='六位十六进制颜色，按钮和页头会使用它' error={errors.colour} />
        <View className='brand-settings__logo'>
          {settings.logoUrl ? (
            <Picture className='brand-settings__logo-image' src={serverUrl(settings.logoUrl)} mode='aspectFit' alt='当前标志' />
          ) : (
            <View className='brand-settings__logo-empty'>
              <Text>未上传</Text>
            </View>
          )}
          <View className='brand-settings__logo-text'>
            <Text className='brand-settings__logo-title'>公司标志</Text>
            <Text className='ll-muted'>PNG 或 JPG，不超过 1 MB；也用作浏览器标签页图标</Text>
            <ActionButton variant='secondary' small block={false} loading={editor.uploading} disabled={editor.uploading} onClick={() => void editor.replaceLogo()}>
              {settings.logoUrl ? '更换标志' : '上传标志'}
            </ActionButton>
          </View>
        </View>
      </Card>

      <Card title='隐私政策' subtitle='修改版本号后，访客下次留资时需重新同意'>
        <TextField label='版本号' name='privacyVersion' value={form.privacyVersion} onChange={(v) => editor.change('privacyVersion', v)} placeholder='例如：2026-12' maxlength={32} error={errors.privacyVersion} />
        <TextAreaField label='正文' name='privacyText' value={form.privacyText} onChange={(v) => editor.change('privacyText', v)} maxlength={20000} error={errors.privacyText} />
      </Card>

      <Card title='用户协议'>
        <TextField label='版本号' name='agreementVersion' value={form.agreementVersion} onChange={(v) => editor.change('agreementVersion', v)} placeholder='例如：2026-12' maxlength={32} error={errors.agreementVersion} />
        <TextAreaField label='正文' name='agreementText' value={form.agreementText} onChange={(v) => editor.change('agreementText', v)} maxlength={20000} error={errors.agreementText} />
      </Card>

      {editor.general && <Notice tone='error'>{editor.general}</Notice>}
      {editor.saved && <Notice tone='success'>已保存，访客页面将在一分钟内更新。</Notice>}
      <ActionButton loading={editor.saving} disabled={editor.saving} onClick={() => void editor.save()}>
        保存品牌设置
      </ActionButton>
    </EditorLayout>
  );
}

/** What prospects will see with these settings: the home page's header, a button and the footer. */
function BrandPreview({ form, settings, colourValid }: { form: BrandForm; settings: BrandSettings; colourValid: boolean }) {
  return (
    <View className='brand-settings__preview' style={`--brand-colour: ${colourValid ? form.colour : settings.colour};`}>
      <View className='brand-settings__preview-header'>
        {settings.logoUrl ? (
          <Picture className='brand-settings__preview-logo' src={serverUrl(settings.logoUrl)} mode='aspectFit' alt='标志预览' />
        ) : (
          <View className='brand-settings__preview-mark'>
            <Text>{form.shortName.charAt(0) || '首'}</Text>
          </View>
        )}
        <View className='brand-settings__preview-names'>
          <Text className='brand-settings__preview-short'>{form.shortName || '公司简称'}</Text>
          <Text className='brand-settings__preview-company'>{form.companyName || '公司全称'}</Text>
        </View>
      </View>
      <View className='brand-settings__preview-button'>
        <Text>请联系我</Text>
      </View>
      <Text className='brand-settings__preview-footer'>{`本服务由${form.companyName || '公司全称'}提供`}</Text>
      {form.servicePhone && <Text className='brand-settings__preview-footer'>{`客服电话 ${form.servicePhone}`}</Text>}
    </View>
  );
}
