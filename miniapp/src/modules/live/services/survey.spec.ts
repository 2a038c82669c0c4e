import { describe, expect, it } from '@jest/globals';
import { surveyAnswersOf } from './survey';

const questions = [
  { id: 'useful', text: '有帮助吗？', choices: ['有', '没有'] },
  { id: 'more', text: '还想听什么？', choices: [] },
];

describe('survey answers', () => {
  it('needs every choice question answered with one of its choices', () => {
    expect(surveyAnswersOf(questions, {})).toEqual({ answers: null, missing: 1 });
    expect(surveyAnswersOf(questions, { useful: '也许' })).toEqual({ answers: null, missing: 1 });
  });

  it('leaves out empty free-text answers and trims the rest', () => {
    expect(surveyAnswersOf(questions, { useful: '有', more: '  ' })).toEqual({ answers: { useful: '有' }, missing: null });
    expect(surveyAnswersOf(questions, { useful: '有', more: ' 案例 ' })).toEqual({ answers: { useful: '有', more: '案例' }, missing: null });
  });
});
