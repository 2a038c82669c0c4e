import { Access } from '@leadloop/shared';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { ScoringEditor } from '@/modules/scoring/components/ScoringEditor';

export default function ConsoleScoringPage() {
  return (
    <ConsoleFrame title='线索评分' subtitle='能力 × 意愿：规则决定每条线索的等级与意愿分，达标即成为 MQL' roles={Access.console}>
      {() => <ScoringEditor />}
    </ConsoleFrame>
  );
}
