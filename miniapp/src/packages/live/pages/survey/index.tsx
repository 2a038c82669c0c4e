import { useRouter } from '@tarojs/taro';
import { SurveyForm } from '@/modules/live/components/SurveyForm';
import { SubPage } from '@/ui';

export default function LiveSurveyPage() {
  const { params } = useRouter();
  return (
    <SubPage>
      <SurveyForm id={params.id ?? ''} />
    </SubPage>
  );
}
