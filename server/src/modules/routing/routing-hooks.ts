import { Injectable } from '@nestjs/common';
import type { RoutingTrigger } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';

/** "Your customer has new activity": an owned person (or a contact of an owned account) reached MQL or asked to be contacted. */
export interface OwnerSignal {
  ownerStaffId: string;
  personId: string;
  trigger: RoutingTrigger;
  /** The routing decision that records it. */
  decisionId: string;
  at: Date;
}

/** A lead given to a salesperson: by routing, or by hand (`manual`). */
export interface LeadAssigned {
  personId: string;
  staffId: string;
  previousStaffId: string | null;
  groupId: string | null;
  decisionId: string;
  manual: boolean;
  at: Date;
}

/** Delivers owner signals (the signals inbox). Called inside the deciding transaction. */
export interface OwnerSignalSink {
  name: string;
  ownerSignalled(em: EntityManager, signals: OwnerSignal[]): Promise<void>;
}

/** Reacts to assignments inside their transaction (SLA timers start, webhooks). */
export interface AssignmentListener {
  name: string;
  leadsAssigned(em: EntityManager, assignments: LeadAssigned[]): Promise<void>;
}

/**
 * Where routing's decisions go next, registered at onModuleInit by the features that handle them
 * (signals, SLA, webhooks), so routing imports none of them. A name registered twice throws.
 * Without a sink, a signal is still decided and recorded (`routing_decisions`, outcome
 * `signalled_owner`); delivery is the sink's.
 */
@Injectable()
export class RoutingHooks {
  private readonly sinks = new Map<string, OwnerSignalSink>();
  private readonly listeners = new Map<string, AssignmentListener>();

  registerSignalSink(sink: OwnerSignalSink): void {
    if (this.sinks.has(sink.name)) throw new Error(`Owner signal sink ${sink.name} is registered twice`);
    this.sinks.set(sink.name, sink);
  }

  registerAssignmentListener(listener: AssignmentListener): void {
    if (this.listeners.has(listener.name)) throw new Error(`Assignment listener ${listener.name} is registered twice`);
    this.listeners.set(listener.name, listener);
  }

  async signalled(em: EntityManager, signals: OwnerSignal[]): Promise<void> {
    if (signals.length === 0) return;
    for (const sink of this.sinks.values()) await sink.ownerSignalled(em, signals);
  }

  async assigned(em: EntityManager, assignments: LeadAssigned[]): Promise<void> {
    if (assignments.length === 0) return;
    for (const listener of this.listeners.values()) await listener.leadsAssigned(em, assignments);
  }
}
