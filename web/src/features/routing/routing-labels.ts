import type { RoutingRule } from '../../../../src/contracts/routing.ts';

export const ROUTING_FIELDS: readonly { value: RoutingRule['field']; label: string; hint: string }[] = [
  { value: 'target', label: 'Target', hint: 'The system under test, e.g. *payments*' },
  { value: 'rule', label: 'Rule', hint: 'The plugin, probe or rule id, e.g. harmful:self-harm' },
  { value: 'location', label: 'Location', hint: 'The file path, e.g. services/agents/*' },
];

export const ROUTING_FORMATS = ['promptfoo', 'garak', 'sarif', 'generic', 'inspect'] as const;
export type RoutingFormat = (typeof ROUTING_FORMATS)[number];

export function fieldLabel(field: RoutingRule['field']): string {
  return ROUTING_FIELDS.find((f) => f.value === field)?.label ?? field;
}
