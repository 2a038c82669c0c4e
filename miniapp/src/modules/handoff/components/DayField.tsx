import { Picker, Text, View } from '@tarojs/components';
import { TextField } from '@/ui';
import './Handoff.scss';

/** A China-time day: typed (desktop, tests) or picked with the date picker (phone); both write YYYY-MM-DD. */
export function DayField({ label, name, value, onChange, error, hint }: { label: string; name: string; value: string; onChange(day: string): void; error?: string; hint?: string }) {
  return (
    <View className='handoff-day'>
      <View className='handoff-day__field'>
        <TextField label={label} name={name} value={value} onChange={onChange} placeholder='2026-12-31' maxlength={10} error={error} hint={hint} />
      </View>
      <Picker mode='date' value={value || new Date().toISOString().slice(0, 10)} onChange={(event) => onChange(String(event.detail.value))}>
        <Text className='handoff-day__pick'>选择日期</Text>
      </Picker>
    </View>
  );
}
