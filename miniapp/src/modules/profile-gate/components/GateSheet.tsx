import type { ConsentPurpose } from '@leadloop/shared';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { SignInPanel } from '@/modules/identity/components/SignInPanel';
import { BottomSheet, Notice } from '@/ui';
import type { GatedAction } from '../hooks/useGatedAction';
import { GateForm } from './GateForm';
import './ProfileGate.scss';

interface GateSheetProps {
  action: GatedAction<any>;
  title: string;
  subtitle?: string;
  purpose: ConsentPurpose;
  submitLabel: string;
  /** What the login panel says when the person must sign in first (browser sandbox). */
  signInDescription: string;
  footnote?: string;
  /** Class of the sheet (pages and tests find it by it). */
  className?: string;
  children?: ReactNode;
}

/** The gate in a bottom sheet: the login first when needed, then the short form. */
export function GateSheet({ action, title, subtitle, purpose, submitLabel, signInDescription, footnote, className = '', children }: GateSheetProps) {
  const gate = action.sheet?.gate ?? null;
  return (
    <BottomSheet className={`gate-sheet ${className}`} title={title} subtitle={subtitle} onClose={action.closeSheet}>
      {gate ? (
        // A new policy version asks for consent afresh: the form starts over, unticked.
        <GateForm
          key={gate.policyVersion}
          gate={gate}
          purpose={purpose}
          submitLabel={submitLabel}
          busy={action.busy}
          error={action.error}
          fieldErrors={action.fieldErrors}
          onSubmit={(values, consent, followUp) => void action.submit(values, consent, followUp)}
          onPhoneBound={action.refreshGate}
          onEdit={() => action.error && action.setError(null)}
          footnote={footnote}
        >
          {children}
        </GateForm>
      ) : (
        <View className='gate-sheet__sign-in'>
          <SignInPanel title='登录后继续' description={signInDescription} />
          {action.error && <Notice tone='error'>{action.error}</Notice>}
        </View>
      )}
    </BottomSheet>
  );
}
