import { Access, roleAllowed, StaffRoleLabels, type MeResponse } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { Card, Notice } from '@/ui';
import './ConsoleWelcome.scss';

/** Who is signed in to the console, and what their role can do here. */
export function ConsoleWelcome({ me }: { me: MeResponse }) {
  const staff = me.staff;
  if (!staff) return null;
  const canManage = roleAllowed(Access.console, staff.role);
  return (
    <Card className='console-welcome'>
      <Text className='console-welcome__hello'>你好，{staff.name}</Text>
      <Text className='console-welcome__meta'>
        当前身份：{StaffRoleLabels[staff.role]}
        {me.person.phoneMasked ? ` · 手机 ${me.person.phoneMasked}` : ''}
      </Text>
      <View className='console-welcome__stats'>
        {[
          ['直播', '即将上线'],
          ['白皮书', '即将上线'],
          ['线索', '即将上线'],
        ].map(([label, value]) => (
          <View className='console-welcome__stat' key={label}>
            <Text className='console-welcome__stat-label'>{label}</Text>
            <Text className='console-welcome__stat-value'>{value}</Text>
          </View>
        ))}
      </View>
      {!canManage && <Notice tone='info'>你的角色可在小程序中使用名片、分享与线索跟进；管理功能仅对管理员和市场同事开放。</Notice>}
    </Card>
  );
}
