import { getTranslations } from 'next-intl/server';
import { exampleEnvelope, type EventTypeDoc } from '@/lib/events/event-catalog-docs';
import { eventDescription, eventGroupTitle } from './event-words';

interface Props {
  groups: { resource: string; types: readonly EventTypeDoc[] }[];
  /** The level of each group's heading; types are one below. */
  level?: 2 | 3;
}

/** Every event type with its description and an example webhook body (collapsed until opened). */
export async function EventCatalog({ groups, level = 3 }: Props) {
  const t = await getTranslations('webhooks');
  const GroupHeading = level === 2 ? 'h2' : 'h3';
  const TypeHeading = level === 2 ? 'h3' : 'h4';
  return (
    <div className="flex flex-col gap-6" data-testid="event-catalog">
      {groups.map((group) => {
        const title = eventGroupTitle(t, group.resource);
        return (
          <section key={group.resource} aria-label={title} className="flex flex-col gap-3">
            <GroupHeading className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{title}</GroupHeading>
            <ul className="flex flex-col gap-3">
              {group.types.map((doc) => (
                <li key={doc.type} id={`event-${doc.type}`} className="scroll-mt-6 rounded-md border border-slate-200 p-3">
                  <TypeHeading className="font-mono text-sm font-semibold text-slate-900">{doc.type}</TypeHeading>
                  <p className="mt-1 text-sm text-slate-700">{eventDescription(t, doc.type, doc.description)}</p>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm font-medium text-brand-text">{t('catalog.examplePayload')}</summary>
                    <pre
                      tabIndex={0}
                      dir="ltr"
                      aria-label={t('catalog.exampleLabel', { type: doc.type })}
                      className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
                    >
                      <code>{JSON.stringify(exampleEnvelope(doc), null, 2)}</code>
                    </pre>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
