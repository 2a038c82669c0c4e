import { useRouter } from '@tarojs/taro';
import { SurveyForm } from '@/modules/live/components/SurveyForm';
import { Page } from '@/ui';

export default function LiveSurveyPage() {
  const { params } = useRouter();
  return (
    <Page>
      <SurveyForm id={params.id ?? ''} />
    </Page>
  );
}
