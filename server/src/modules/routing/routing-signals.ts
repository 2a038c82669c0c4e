import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SalesSignals } from '../signals/sales-signals';
import type { AssignmentListener, LeadAssigned, OwnerSignal, OwnerSignalSink } from './routing-hooks';

/**
 * Routing's decisions as sales signals: a lead given to someone (`lead_assigned`), and an owned
 * customer reaching MQL again (`customer_active`). A 请联系我 by an owned customer is not signalled
 * here: the signals consumer already tells the owner about every contact request.
 */
@Injectable()
export class RoutingSignals implements OwnerSignalSink, AssignmentListener {
  readonly name = 'signals';

  constructor(private readonly signals: SalesSignals) {}

  async ownerSignalled(em: EntityManager, signals: OwnerSignal[]): Promise<void> {
    const mqls = signals.filter((s) => s.trigger === 'mql');
    await this.signals.send(em, mqls.map((s) => ({ staffId: s.ownerStaffId, kind: 'customer_active', personId: s.personId, detail: '再次达到 MQL 标准', dedupeKey: `routing:${s.decisionId}`, at: s.at })));
  }

  async leadsAssigned(em: EntityManager, assignments: LeadAssigned[]): Promise<void> {
    await this.signals.send(em, assignments.map((a) => ({ staffId: a.staffId, kind: 'lead_assigned', personId: a.personId, detail: a.manual ? '手动分配' : null, dedupeKey: `routing:${a.decisionId}`, at: a.at })));
  }
}
