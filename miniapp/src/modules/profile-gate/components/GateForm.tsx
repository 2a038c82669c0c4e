import { ProfileFieldLabels, type ConsentPurpose, type GateStatus } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { PhoneCard } from '@/modules/identity/components/PhoneCard';
import { ActionButton, CheckOption, Notice, SelectField, TextField } from '@/ui';
import {
  CITY_MAX,
  FOLLOW_UP_SENTENCE,
  initialValues,
  isPicked,
  knownFacts,
  maxLengthOf,
  PickerOptions,
  Placeholders,
  typedFieldsOf,
  type GateFieldErrors,
  type GateValues,
} from '../services/gate-form';
import { ConsentCheck, PolicyLink } from './ConsentCheck';
import './ProfileGate.scss';

export interface GateFormProps {
  gate: GateStatus;
  purpose: ConsentPurpose;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  fieldErrors: GateFieldErrors;
  onSubmit(values: GateValues, consentTicked: boolean, followUpTicked: boolean): void;
  /** The phone was bound in the form: the gate should be read again. */
  onPhoneBound(): void;
  /** The person changed something: an earlier complaint no longer applies. */
  onEdit?(): void;
  /** Fields of the action itself, shown after the profile fields (e.g. a note). */
  children?: ReactNode;
  /** One line under the button: what the information is used for. */
  footnote?: string;
}

/**
 * Only what the gate still needs, pre-filled where the profile knows it; the phone through WeChat's
 * getPhoneNumber (a typed number in the browser sandbox); the consent unticked by default.
 */
export function GateForm({ gate, purpose, submitLabel, busy, error, fieldErrors, onSubmit, onPhoneBound, onEdit, children, footnote }: GateFormProps) {
  const [values, setValues] = useState<GateValues>(() => initialValues(gate));
  const [consent, setConsent] = useState(false);
  const [followUp, setFollowUp] = useState(false);
  const facts = knownFacts(gate);
  const fields = typedFieldsOf(gate);
  const needsPhone = gate.missing.includes('phone');
  const set = (field: keyof GateValues, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    onEdit?.();
  };

  return (
    <View className='gate-form'>
      {facts.length > 0 && (
        <View className='gate-form__known'>
          <Text className='gate-form__known-label'>已有信息</Text>
          <Text className='gate-form__known-value'>{facts.map((f) => `${f.label} ${f.value}`).join(' · ')}</Text>
        </View>
      )}
      {(fields.length > 0 || needsPhone) && <Text className='gate-form__hint'>只需补充以下信息，下次即可一键完成</Text>}
      {fields.map((field) =>
        isPicked(field) ? (
          <View key={field}>
            <SelectField
              className={`gate-${field}`}
              label={field === 'region' ? '所在省份' : ProfileFieldLabels[field]}
              options={PickerOptions[field].options}
              names={PickerOptions[field].names}
              value={values[field] || null}
              onChange={(value) => set(field, value ?? '')}
              placeholder={Placeholders[field]}
              error={fieldErrors[field] ?? null}
            />
            {field === 'region' && (
              <TextField label='所在城市（选填）' name='gate-city' value={values.city ?? ''} onChange={(value) => set('city', value)} placeholder='例如：深圳' maxlength={CITY_MAX} />
            )}
          </View>
        ) : (
          <TextField
            key={field}
            label={ProfileFieldLabels[field]}
            name={`gate-${field}`}
            value={values[field] ?? ''}
            onChange={(value) => set(field, value)}
            placeholder={Placeholders[field]}
            maxlength={maxLengthOf(field)}
            error={fieldErrors[field] ?? null}
          />
        ),
      )}
      {needsPhone && (
        <View className='gate-form__phone'>
          <PhoneCard phoneMasked={null} onBound={onPhoneBound} />
          {fieldErrors.phone && <Text className='gate-form__field-error'>{fieldErrors.phone}</Text>}
        </View>
      )}
      {children}
      {gate.consentNeeded ? (
        <ConsentCheck
          checked={consent}
          onChange={(ticked) => {
            setConsent(ticked);
            onEdit?.();
          }}
          policyVersion={gate.policyVersion}
          purpose={purpose}
        />
      ) : (
        <Text className='gate-form__consented'>
          你已同意
          <PolicyLink />（{gate.policyVersion} 版），可在「我的 · 隐私与授权」中随时撤回
        </Text>
      )}
      {gate.followUpOffered && purpose !== 'sales_contact' && (
        <CheckOption className='gate-follow-up' checked={followUp} onChange={setFollowUp}>
          <Text>{FOLLOW_UP_SENTENCE}</Text>
        </CheckOption>
      )}
      {error && <Notice tone='error'>{error}</Notice>}
      <ActionButton loading={busy} disabled={busy} onClick={() => onSubmit(values, consent, followUp)}>
        {submitLabel}
      </ActionButton>
      {footnote && <Text className='gate-form__footnote'>{footnote}</Text>}
    </View>
  );
}
