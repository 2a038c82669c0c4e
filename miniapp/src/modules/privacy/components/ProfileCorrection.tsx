import { Text, View } from '@tarojs/components';
import { CompanySizeBandLabels, CompanySizeBands, Industries, IndustryLabels, Provinces } from '@leadloop/shared';
import { useEffect, useState } from 'react';
import { describeError, isApiError } from '@/core/api/api-error';
import { useApiResource } from '@/core/api/useApiResource';
import { ActionButton, Card, formatDateTime, Loading, Notice, RetryCard, SelectField, TextField } from '@/ui';
import { changeSentence, checkCorrection, CorrectableFields, draftOf, labelOfField, maxLengthOfField, type ProfileDraft, type ProfileDraftErrors } from '../services/profile-form';
import { correctMyProfile, fetchMyProfile } from '../services/privacy.service';
import './Privacy.scss';

/** 个人信息: what I gave in forms, corrected here (更正权); every correction is listed and exported. */
export function ProfileCorrection() {
  const { data, error, reload, setData } = useApiResource(fetchMyProfile);
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [errors, setErrors] = useState<ProfileDraftErrors>({});
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (data) setDraft(draftOf(data.profile));
  }, [data]);

  if (!data || !draft) return error ? <RetryCard message={describeError(error)} onRetry={reload} /> : <Loading />;

  const pick = (value: Partial<ProfileDraft>) => {
    setDraft((prev) => prev && { ...prev, ...value });
    setMessage(null);
  };

  const save = async () => {
    const { changes, errors: found } = checkCorrection(data.profile, draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return setMessage(null);
    if (Object.keys(changes).length === 0) return setMessage({ tone: 'success', text: '没有需要更正的内容' });
    setSaving(true);
    setMessage(null);
    try {
      setData(await correctMyProfile(changes));
      setMessage({ tone: 'success', text: '已更正' });
    } catch (failure) {
      setMessage({ tone: 'error', text: isApiError(failure, 'VALIDATION_FAILED') ? '有内容格式不正确，请检查后再保存' : describeError(failure) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='profile-correction'>
      <Card title='个人信息' subtitle='你在报名、下载或留言时填写的信息。如有错误，可在这里更正。'>
        {CorrectableFields.map((field) => (
          <TextField
            key={field}
            label={labelOfField(field)}
            name={`profile-${field}`}
            value={draft[field]}
            maxlength={maxLengthOfField(field)}
            placeholder={data.profile[field] ? undefined : '尚未填写'}
            error={errors[field] ?? null}
            onChange={(value) => {
              setDraft((prev) => prev && { ...prev, [field]: value });
              setMessage(null);
            }}
          />
        ))}
        <SelectField className='profile-correction__industry' label='所属行业' options={Industries} names={IndustryLabels} value={draft.industry} placeholder='尚未填写' onChange={(v) => pick({ industry: v })} />
        <SelectField className='profile-correction__province' label='所在省份' options={Provinces} value={draft.province} placeholder='尚未填写' onChange={(v) => pick({ province: v })} />
        <SelectField className='profile-correction__size' label='公司规模' options={CompanySizeBands} names={CompanySizeBandLabels} value={draft.sizeBand} placeholder='尚未填写' onChange={(v) => pick({ sizeBand: v })} />
        <View className='profile-correction__phone'>
          <Text className='profile-correction__label'>手机号</Text>
          <Text className='profile-correction__value'>{data.profile.phoneMasked ?? '未绑定'}（通过微信绑定，在「我的」页更换）</Text>
        </View>
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
        <ActionButton loading={saving} disabled={saving} onClick={() => void save()}>
          保存更正
        </ActionButton>
      </Card>
      <Card title='更正记录' subtitle='每次更正都会记录，并包含在「导出我的数据」中'>
        {data.changes.length === 0 ? (
          <Text className='profile-correction__empty'>还没有更正记录</Text>
        ) : (
          data.changes.map((change, i) => (
            <View key={`${change.at}-${change.field}-${i}`} className='profile-correction__change'>
              <Text className='profile-correction__change-text'>{changeSentence(change)}</Text>
              <Text className='profile-correction__change-at'>{formatDateTime(change.at)}</Text>
            </View>
          ))
        )}
      </Card>
    </View>
  );
}
