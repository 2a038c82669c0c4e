import type { ConsentPurpose } from '@leadloop/shared';
import { Text } from '@tarojs/components';
import { CheckOption } from '@/ui';
import { openPolicy } from '@/modules/privacy/services/policy-links';
import { PurposeSentences } from '../services/gate-form';
import './ProfileGate.scss';

interface ConsentCheckProps {
  checked: boolean;
  onChange(checked: boolean): void;
  policyVersion: string;
  purpose: ConsentPurpose;
}

/** The explicit consent: unticked until the person ticks it, naming the policy version and what it is for. */
export function ConsentCheck({ checked, onChange, policyVersion, purpose }: ConsentCheckProps) {
  return (
    <CheckOption className='gate-consent' checked={checked} onChange={onChange}>
      <Text>
        我已阅读并同意
        <PolicyLink />（{policyVersion} 版），同意将以上信息用于{PurposeSentences[purpose]}
      </Text>
    </CheckOption>
  );
}

/** 《隐私政策》 as a link to the policy page; a tap on it does not tick the box around it. */
export function PolicyLink() {
  return (
    <Text
      className='gate-consent__link'
      onClick={(event) => {
        event.stopPropagation();
        openPolicy('privacy');
      }}
    >
      《隐私政策》
    </Text>
  );
}
