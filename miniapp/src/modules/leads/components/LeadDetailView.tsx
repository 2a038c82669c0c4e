import { CompanySizeBandLabels, type LeadDetail, SeniorityLabels, BuyingRoleLabels } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { isApiError } from '@/core/api/api-error';
import { platform } from '@/core/platform';
import { Routes } from '@/core/routes';
import type { SessionScope } from '@/core/session/session-store';
import { PurposeLabels } from '@/modules/privacy/services/privacy-format';
import { ActionButton, Card, formatDateTime, Loading, Notice, RetryCard, Tag, Tappable } from '@/ui';
import { LeadProfileEditor } from '@/modules/lead-profile/LeadProfileEditor';
import { AccountContactsCard } from '@/modules/handoff/components/AccountContactsCard';
import { LeadActionsCard } from '@/modules/handoff/components/LeadActionsCard';
import { useLeadHandoff } from '@/modules/handoff/hooks/useLeadHandoff';
import { LeadRoutingCard } from '@/modules/routing/components/LeadRoutingCard';
import { useLeadDetail } from '../hooks/useLeadDetail';
import { describeLeadError } from '../services/lead-format';
import { LeadBadges } from './LeadBadges';
import { LeadScoreCard } from './LeadScoreCard';
import { LeadStagesCard } from './LeadStagesCard';
import { LeadTimelineCard } from './LeadTimelineCard';
import './Leads.scss';

/** +8613912345678 → 139 1234 5678 (mainland mobiles); other numbers as stored. */
function readablePhone(phone: string): string {
  const mainland = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(phone);
  return mainland ? `${mainland[1]} ${mainland[2]} ${mainland[3]}` : phone;
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <View className='lead-detail__fact'>
      <Text className='lead-detail__fact-label'>{label}</Text>
      <Text className='lead-detail__fact-value'>{value || '—'}</Text>
    </View>
  );
}

/**
 * The lead's company, a link to its account page where this caller may open it (the console, or
 * the account's owner) and the page shares this page's session; otherwise the name alone.
 */
function AccountFact({ account, scope }: { account: LeadDetail['account']; scope: SessionScope }) {
  if (!account?.openable || scope !== platform.consoleScope) return <Fact label='客户公司' value={account?.name} />;
  const open = () => void Taro.navigateTo({ url: `${Routes.consoleAccount}?id=${encodeURIComponent(account.id)}` });
  return (
    <View className='lead-detail__fact'>
      <Text className='lead-detail__fact-label'>客户公司</Text>
      <Tappable className='lead-detail__fact-value lead-detail__account' role='link' label={`查看客户 ${account.name}`} onTap={open}>
        <Text>{account.name} ›</Text>
      </Tappable>
    </View>
  );
}

/** The masked number, 「查看号码」 (logged) and, once shown, 「拨打」. */
function PhoneRow({ lead, phone, revealing, revealError, onReveal }: { lead: LeadDetail; phone: string | null; revealing: boolean; revealError: string | null; onReveal(): void }) {
  const [callError, setCallError] = useState<string | null>(null);
  const call = async (number: string) => {
    setCallError(null);
    try {
      await platform.callPhone(number);
    } catch (failure) {
      if (!isApiError(failure, 'CANCELLED')) setCallError('无法拨打，请手动拨号');
    }
  };
  if (!lead.phoneMasked) return <Text className='ll-muted'>客户还没有留下手机号</Text>;
  return (
    <View>
      <View className='lead-detail__phone'>
        <Text className='lead-detail__phone-number'>{phone ? readablePhone(phone) : lead.phoneMasked}</Text>
        {phone ? (
          <ActionButton small block={false} onClick={() => void call(phone)}>
            拨打
          </ActionButton>
        ) : lead.phoneRevealable ? (
          <ActionButton small block={false} variant='secondary' loading={revealing} disabled={revealing} onClick={onReveal}>
            查看号码
          </ActionButton>
        ) : (
          <Text className='ll-muted'>号码已隐藏</Text>
        )}
      </View>
      {!phone && lead.phoneRevealable && <Text className='ll-muted'>查看完整号码会留下记录，客户可在「我的」中看到。</Text>}
      {revealError && <Notice tone='error'>{revealError}</Notice>}
      {callError && <Notice tone='error'>{callError}</Notice>}
    </View>
  );
}

/** How they came: first touch, its channel and content, and the chain of sharers. */
function FirstTouch({ touch }: { touch: LeadDetail['firstTouch'] }) {
  if (!touch) return <Text className='ll-muted'>直接访问，没有经过分享或渠道。</Text>;
  return (
    <View className='ll-stack'>
      <Text>
        {formatDateTime(touch.at)} 首次到访
        {touch.content?.title ? `，来自《${touch.content.title}》` : ''}
        {touch.channel ? `，渠道：${touch.channel}` : ''}
      </Text>
      {touch.chain.length > 0 && (
        <View className='lead-detail__chain'>
          <Text className='ll-muted'>分享链：</Text>
          {touch.chain.map((link, i) => (
            <Text key={i}>
              {i > 0 ? ' → ' : ''}
              {link.name}
              {link.staff ? '（同事）' : ''}
            </Text>
          ))}
          <Text> → 客户</Text>
        </View>
      )}
    </View>
  );
}

/**
 * One lead for its owner (mini-program) or the pool (console): who they are, the phone reveal,
 * stage, grade and score now, how they came, what they asked for, consents, the timeline.
 * Staff edit the profile in place (「编辑资料」); the score breakdown and the stage history have their own cards;
 * the action area (销售跟进) and the account's other contacts come with the hand-off package.
 */
export function LeadDetailView({ scope, id }: { scope: SessionScope; id: string }) {
  const { lead: resource, timeline, phone, revealing, revealError, reveal } = useLeadDetail(scope, id);
  const [editing, setEditing] = useState(false);
  const handoff = useLeadHandoff(scope, id);
  // feedback moves the stage, the score (a junk rejection) and the timeline: everything reads again
  const [round, setRound] = useState(0);
  const changed = () => {
    resource.reload();
    timeline.reload();
    handoff.reload();
    setRound((r) => r + 1);
  };
  const lead = resource.data;
  if (!lead) return resource.error ? <RetryCard message={describeLeadError(resource.error)} onRetry={resource.reload} /> : <Loading />;
  const region = [lead.province, lead.city].filter(Boolean).join(' ');

  return (
    <View className='lead-detail'>
      <Card>
        <View className='lead-detail__head'>
          <View className='ll-stack'>
            <Text className='lead-detail__name'>{lead.displayName}</Text>
            <Text className='ll-muted'>{[lead.company, lead.title].filter(Boolean).join(' · ') || '公司和职位未填写'}</Text>
            <View className='ll-row'>
              <LeadBadges stage={lead.stage} grade={lead.grade} />
              {lead.tags.map((tag) => (
                <Tag key={tag} tone='neutral'>
                  {tag}
                </Tag>
              ))}
            </View>
          </View>
          <View className='lead-detail__score'>
            <Text className='lead-detail__score-value'>{lead.score}</Text>
            <Text className='ll-muted'>当前意向分</Text>
          </View>
        </View>
        <PhoneRow lead={lead} phone={phone} revealing={revealing} revealError={revealError} onReveal={() => void reveal()} />
      </Card>

      <LeadActionsCard scope={scope} id={id} handoff={handoff} onChanged={changed} />

      {lead.contactNotes.length > 0 && (
        <Card title='客户留言' subtitle='客户在「请联系我」中写下的内容'>
          {lead.contactNotes.map((note, i) => (
            <View key={i} className='lead-detail__note'>
              <Text>{note.note}</Text>
              <Text className='ll-muted'>
                {' '}
                · {note.via === 'card' ? '名片' : '首页'} · {formatDateTime(note.at)}
              </Text>
            </View>
          ))}
        </Card>
      )}

      {editing ? (
        <LeadProfileEditor
          personId={id}
          onSaved={() => {
            setEditing(false);
            resource.reload();
          }}
        />
      ) : (
        <Card title='客户资料'>
          <View className='lead-detail__facts'>
            <Fact label='负责人' value={lead.owner?.name ?? '未分配'} />
            <AccountFact account={lead.account} scope={scope} />
            <Fact label='邮箱' value={lead.email} />
            <Fact label='行业' value={lead.industry} />
            <Fact label='地区' value={region} />
            <Fact label='公司规模' value={lead.sizeBand ? CompanySizeBandLabels[lead.sizeBand] : null} />
            <Fact label='部门' value={lead.department} />
            <Fact label='职级' value={lead.seniority ? SeniorityLabels[lead.seniority] : null} />
            <Fact label='采购角色' value={lead.buyingRole ? BuyingRoleLabels[lead.buyingRole] : null} />
            <Fact label='成为线索' value={formatDateTime(lead.createdAt)} />
            <Fact label='最近互动' value={`${lead.lastActivity.label} · ${formatDateTime(lead.lastActivity.at)}`} />
            <Fact label='阶段更新' value={lead.stageChangedAt ? formatDateTime(lead.stageChangedAt) : null} />
          </View>
          <ActionButton variant='secondary' small block={false} label='编辑客户资料' onClick={() => setEditing(true)}>
            编辑资料
          </ActionButton>
        </Card>
      )}

      <AccountContactsCard scope={scope} handoff={handoff.data} />
      <LeadScoreCard key={`score-${round}`} scope={scope} id={id} />
      <LeadStagesCard key={`stages-${round}`} scope={scope} id={id} />
      <LeadRoutingCard key={`routing-${round}`} scope={scope} id={id} />

      <Card title='来源与分享链'>
        <FirstTouch touch={lead.firstTouch} />
      </Card>

      <Card title='授权情况'>
        {lead.consents.length === 0 ? (
          <Text className='ll-muted'>客户还没有做过授权。</Text>
        ) : (
          lead.consents.map((c) => (
            <View key={c.purpose} className='lead-detail__consent'>
              <View className='ll-row'>
                <Text>{PurposeLabels[c.purpose].title}</Text>
                <Tag tone={c.granted ? 'success' : 'neutral'}>{c.granted ? '已同意' : '已撤回'}</Tag>
              </View>
              <Text className='ll-muted'>
                {formatDateTime(c.at)} · 隐私政策 {c.policyVersion} 版
              </Text>
            </View>
          ))
        )}
      </Card>

      <LeadTimelineCard list={timeline} />
    </View>
  );
}
