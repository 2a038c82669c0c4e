import type { CardView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { serverUrl } from '@/core/api/server-url';
import { Avatar, Picture, Tappable } from '@/ui';
import './Card.scss';

type Profile = Pick<CardView, 'name' | 'title' | 'company' | 'phone' | 'email' | 'avatarUrl'>;

/** The top of a card: photo, name, title and company, and the business contacts. */
export function CardProfile({ card, onCall, onCopyEmail }: { card: Profile; onCall?(): void; onCopyEmail?(): void }) {
  return (
    <View className='card-profile'>
      <View className='card-profile__main'>
        {card.avatarUrl ? <Picture className='card-profile__avatar' src={serverUrl(card.avatarUrl)} mode='aspectFill' alt={`${card.name}的头像`} /> : <Avatar name={card.name} large />}
        <View className='card-profile__who'>
          <Text className='card-profile__name'>{card.name}</Text>
          {card.title && <Text className='card-profile__title'>{card.title}</Text>}
          {card.company && <Text className='card-profile__company'>{card.company}</Text>}
        </View>
      </View>
      {(card.phone || card.email) && (
        <View className='card-profile__contacts'>
          {card.phone && (
            <Tappable className='card-profile__contact' role='button' onTap={() => onCall?.()}>
              <Text className='card-profile__contact-label'>电话</Text>
              <Text className='card-profile__contact-value card-profile__phone'>{card.phone}</Text>
            </Tappable>
          )}
          {card.email && (
            <Tappable className='card-profile__contact' role='button' onTap={() => onCopyEmail?.()}>
              <Text className='card-profile__contact-label'>邮箱</Text>
              <Text className='card-profile__contact-value'>{card.email}</Text>
            </Tappable>
          )}
        </View>
      )}
    </View>
  );
}
