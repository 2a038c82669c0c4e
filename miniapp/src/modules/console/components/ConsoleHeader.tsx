import { StaffRoleLabels, type StaffSummary } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { BrandMark, useBrandName } from '@/modules/brand/components/BrandMark';
import { ActionButton, Avatar, Tag } from '@/ui';
import './ConsoleHeader.scss';

/** The console's top bar: the company's own name and logo (staff work for it; our name is not theirs), who is signed in. */
export function ConsoleHeader({ staff, onLeave }: { staff: StaffSummary | null; onLeave(): void }) {
  const companyName = useBrandName();
  return (
    <View className='console-header'>
      <View className='console-header__brand'>
        <BrandMark className='console-header__logo' fallback='控' />
        <View className='console-header__names'>
          {companyName && <Text className='console-header__company'>{companyName}</Text>}
          <Text className={companyName ? 'console-header__area' : 'console-header__company'}>管理控制台</Text>
        </View>
      </View>
      <View className='console-header__user'>
        {staff && (
          <>
            <Avatar name={staff.name} />
            <View className='console-header__who'>
              <Text className='console-header__name'>{staff.name}</Text>
              <Tag tone='brand'>{StaffRoleLabels[staff.role]}</Tag>
            </View>
          </>
        )}
        <ActionButton variant='ghost' small block={false} onClick={onLeave}>
          退出
        </ActionButton>
      </View>
    </View>
  );
}
