import type { ConsentPurpose } from '@leadloop/shared';
import { Text } from '@tarojs/components';
import { platform } from '@/core/platform';
import { CheckOption } from '@/ui';
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
        我已阅读并同意《隐私政策》（{policyVersion} 版），同意将以上信息用于{PurposeSentences[purpose]}
        {!platform.isBrowser && (
          <Text
            className='gate-consent__link'
            onClick={(event) => {
              event.stopPropagation();
              platform.openPrivacyContract();
            }}
          >
            查看政策
          </Text>
        )}
      </Text>
    </CheckOption>
  );
}
