import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { Routes } from '@/core/routes';
import { ActionButton, Card, ChoiceCards, Loading, Notice, ResultPanel, RetryCard, TextField } from '@/ui';
import { useLiveEvent } from '../hooks/useLiveEvent';
import { describeLiveError } from '../services/live-errors';
import { answerSurvey } from '../services/live.service';
import { surveyAnswersOf } from '../services/survey';
import './LiveRoom.scss';

/** The post-event survey: single-choice questions as cards, open questions as text. */
export function SurveyForm({ id }: { id: string }) {
  const { event, error, reload } = useLiveEvent(id);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const back = () => void Taro.redirectTo({ url: `${Routes.liveDetail}?id=${encodeURIComponent(id)}` });

  if (!event) return error ? <RetryCard message={describeLiveError(error)} onRetry={reload} /> : <Loading />;
  if (done) {
    return (
      <Card>
        <ResultPanel tone='success' title='感谢你的反馈' description='你的意见会帮助我们把下一场直播办得更好。'>
          <ActionButton variant='secondary' onClick={back}>
            返回直播详情
          </ActionButton>
        </ResultPanel>
      </Card>
    );
  }
  if (event.survey.length === 0) {
    return (
      <Card>
        <ResultPanel tone='info' title='本场直播没有问卷' />
      </Card>
    );
  }

  const submit = async () => {
    const checked = surveyAnswersOf(event.survey, answers);
    if (!checked.answers) {
      setProblem(`请回答第 ${checked.missing} 题`);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await answerSurvey(id, checked.answers);
      setDone(true);
    } catch (failure) {
      setProblem(isApiError(failure, 'LIVE_NOT_SIGNED_UP') ? '仅报名本场直播的用户可以填写问卷' : describeLiveError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className='survey-form' title='直播问卷' subtitle={event.title}>
      {event.survey.map((question, index) => (
        <View className='survey-form__question' key={question.id}>
          {question.choices.length > 0 ? (
            <ChoiceCards
              label={`${index + 1}. ${question.text}`}
              options={question.choices}
              value={answers[question.id] ?? ''}
              onChange={(value) => setAnswers((prev) => ({ ...prev, [question.id]: value }))}
              names={Object.fromEntries(question.choices.map((c) => [c, c]))}
              hints={Object.fromEntries(question.choices.map((c) => [c, '']))}
              optionClassName='survey-form__choice'
            />
          ) : (
            <TextField
              label={`${index + 1}. ${question.text}`}
              name={`survey-${question.id}`}
              value={answers[question.id] ?? ''}
              onChange={(value) => setAnswers((prev) => ({ ...prev, [question.id]: value }))}
              placeholder='选填，说说你的想法'
              maxlength={300}
            />
          )}
        </View>
      ))}
      {problem && <Notice tone='error'>{problem}</Notice>}
      <ActionButton loading={busy} disabled={busy} onClick={() => void submit()}>
        提交问卷
      </ActionButton>
      <Text className='ll-muted'>问卷仅用于改进活动内容，不会公开你的回答。</Text>
    </Card>
  );
}
