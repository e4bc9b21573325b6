/**
 * Audit records as LeadFactory writes them: a user changed a lead (status, owner, score) or the
 * budget monitor recorded a decision. Deterministic per index, so a query for one action or
 * entity type always has matches to find.
 */

import type { AuditLogInput } from './leadfactory-client.js';

const ACTIONS = ['lead.create', 'lead.update', 'lead.assign', 'lead.score', 'lead.export'] as const;
const FIELDS = ['status', 'owner', 'score', 'email', 'company'] as const;

/** The i-th lead change: actions and fields rotate, ten actors, a thousand leads. */
export function leadChange(i: number): AuditLogInput {
  return {
    action: ACTIONS[i % ACTIONS.length] as string,
    entityType: 'lead',
    entityId: `lead-${i % 1000}`,
    actor: `user-${i % 10}`,
    details: { field: FIELDS[i % FIELDS.length], from: 'new', to: 'qualified', source: 'explorer' },
  };
}

/** `count` consecutive lead changes from `first`: one bulk request's worth. */
export function leadChanges(first: number, count: number): AuditLogInput[] {
  return Array.from({ length: count }, (_, k) => leadChange(first + k));
}

/** The audit record of a budget decision, written beside the check it records. */
export function budgetDecision(account: string, cost: number, allowed: boolean): AuditLogInput {
  return {
    action: allowed ? 'budget.allowed' : 'budget.refused',
    entityType: 'budget',
    entityId: account,
    actor: 'budget-monitor',
    details: { cost },
  };
}
