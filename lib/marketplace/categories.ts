// The marketplace's categories: an app has exactly one. Ids are stable (stored on AppVersion
// and used in URLs); labels are what people read.

export const APP_CATEGORIES = [
  { id: 'crm', label: 'CRM' },
  { id: 'communication', label: 'Communication' },
  { id: 'productivity', label: 'Productivity' },
  { id: 'project-management', label: 'Project management' },
  { id: 'analytics', label: 'Analytics' },
  { id: 'payments', label: 'Payments' },
  { id: 'marketing', label: 'Marketing' },
  { id: 'hr', label: 'HR' },
  { id: 'support', label: 'Support' },
  { id: 'calendar', label: 'Calendar' },
  { id: 'fitness', label: 'Fitness' },
  { id: 'custom', label: 'Custom' },
] as const;

export type AppCategory = (typeof APP_CATEGORIES)[number]['id'];

export const APP_CATEGORY_IDS = APP_CATEGORIES.map((category) => category.id) as [AppCategory, ...AppCategory[]];

export function categoryLabel(id: string): string {
  return APP_CATEGORIES.find((category) => category.id === id)?.label ?? id;
}
