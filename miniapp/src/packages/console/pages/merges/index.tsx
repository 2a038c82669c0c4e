import { Access } from '@leadloop/shared';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { ConsoleLayout } from '@/modules/console/components/ConsoleLayout';
import { ConflictTable } from '@/modules/merges/components/ConflictTable';
import { MergeTable } from '@/modules/merges/components/MergeTable';
import { useConflictPages, useMergePages } from '@/modules/merges/hooks/useMerges';

function Merges() {
  const merges = useMergePages();
  const conflicts = useConflictPages();
  return <ConsoleLayout main={<MergeTable list={merges} />} side={<ConflictTable list={conflicts} />} />;
}

export default function MergesPage() {
  return (
    <ConsoleFrame title='用户合并' subtitle='同一个人留下相同的手机号、邮箱或 CRM 编号时自动合并；每次合并都可核对、可撤销' roles={Access.admin}>
      {() => <Merges />}
    </ConsoleFrame>
  );
}
