import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { UnsubscribeButton } from '@/components/notifications/unsubscribe-button';
import { Card } from '@/components/ui/card';
import { NOTIFICATION_TYPE_KEYS } from '@/components/notifications/type-keys';
import type { NotificationType } from '@/lib/notifications/types';
import { unsubscribeQuery, verifyUnsubscribe } from '@/lib/notifications/unsubscribe';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authPages.unsubscribe');
  return { title: t('metaTitle'), robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where an email's unsubscribe link leads: it asks before it unsubscribes (no session needed). */
export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Search }) {
  const tenant = await requireTenant((await params).tenant);
  const search = await searchParams;
  const [u, s, token] = ['u', 's', 't'].map((key) => (typeof search[key] === 'string' ? (search[key] as string) : ''));
  const valid = verifyUnsubscribe(tenant.id, u, s, token);
  const t = await getTranslations('authPages.unsubscribe');
  const workspace = tenant.name;
  // The type's name as the notification settings say it; lower-cased mid-sentence, except in
  // German, whose nouns keep their capital.
  const types = await getTranslations('notifications.types');
  const name = valid && s !== 'all' ? types(`${NOTIFICATION_TYPE_KEYS[s as NotificationType]}.label`) : '';
  const type = (await getLocale()) === 'de' ? name : name.toLowerCase();
  const label = valid ? (s === 'all' ? t('allEmails', { workspace }) : t('typeEmails', { type })) : '';
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900">{t('heading')}</h1>
      {valid ? (
        <Card description={s === 'all' ? t('confirmAll', { workspace }) : t('confirmType', { type })}>
          <UnsubscribeButton query={unsubscribeQuery(tenant.id, u, s)} label={label} />
        </Card>
      ) : (
        <Card>
          <p className="text-sm text-slate-700">
            {t.rich('invalid', {
              link: (chunks) => (
                <Link href="/account/notifications" className="font-semibold text-brand-text underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </Card>
      )}
    </section>
  );
}
