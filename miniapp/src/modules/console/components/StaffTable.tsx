import { StaffRoleLabels, type StaffListItem } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { describeError } from '@/core/api/api-error';
import { Card, formatDate, Loading, Notice, Tag } from '@/ui';
import './StaffTable.scss';


export function StaffTable({ items, error }: { items: StaffListItem[] | null; error: unknown }) {
  return (
    <Card title='团队成员' subtitle={items ? `共 ${items.length} 人` : undefined}>
      {error ? <Notice tone='error'>{describeError(error)}</Notice> : null}
      {!items && !error && <Loading />}
      {items && items.length === 0 && <Text className='ll-muted'>还没有成员，先邀请一位吧。</Text>}
      {items && items.length > 0 && (
        <View className='staff-table'>
          <View className='staff-table__row staff-table__row--head'>
            <Text className='staff-table__cell staff-table__cell--name'>姓名</Text>
            <Text className='staff-table__cell'>角色</Text>
            <Text className='staff-table__cell'>状态</Text>
            <Text className='staff-table__cell staff-table__cell--date'>加入时间</Text>
          </View>
          {items.map((member) => (
            <View className='staff-table__row' key={member.id}>
              <Text className='staff-table__cell staff-table__cell--name'>{member.name}</Text>
              <View className='staff-table__cell'>
                <Tag tone='brand'>{StaffRoleLabels[member.role]}</Tag>
              </View>
              <View className='staff-table__cell'>
                {member.status === 'disabled' ? (
                  <Tag tone='danger'>已停用</Tag>
                ) : member.bound ? (
                  <Tag tone='success'>已绑定</Tag>
                ) : (
                  <Tag tone='warning'>待绑定</Tag>
                )}
              </View>
              <Text className='staff-table__cell staff-table__cell--date'>{formatDate(member.createdAt)}</Text>
            </View>
          ))}
        </View>
      )}
    </Card>
  );
}
