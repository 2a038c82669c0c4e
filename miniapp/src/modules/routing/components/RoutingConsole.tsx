import { View } from '@tarojs/components';
import { RuleEditor } from './RuleEditor';
import { RuleTester } from './RuleTester';
import { UnassignedQueue } from './UnassignedQueue';
import './Routing.scss';

/** 线索分配: the ordered rules, the tester beside them, and the queue of leads no one could take. */
export function RoutingConsole() {
  return (
    <View className='routing'>
      <View className='routing__main'>
        <RuleEditor />
        <UnassignedQueue />
      </View>
      <View className='routing__aside'>
        <RuleTester />
      </View>
    </View>
  );
}
