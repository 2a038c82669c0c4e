import { StaffRoleLabels, type StaffSummary } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { ActionButton, Avatar, Tag } from '@/ui';
import './ConsoleHeader.scss';

export function ConsoleHeader({ staff, onLeave }: { staff: StaffSummary | null; onLeave(): void }) {
  return (
    <View className='console-header'>
      <View className='console-header__brand'>
        <View className='console-header__logo'>
          <Text>LL</Text>
        </View>
        <View className='console-header__names'>
          <Text className='console-header__product'>线索闭环</Text>
          <Text className='console-header__area'>管理控制台</Text>
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
