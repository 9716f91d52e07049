import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PartnerApplicationForm } from '@/components/partners/partner-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partner.apply'))('title') };
}

const PERKS = ['reach', 'sandbox', 'oauth'] as const;

export default async function BecomeAPartnerPage() {
  const t = await getTranslations('partner.apply');
  return (
    <section className="mx-auto grid max-w-5xl gap-10 px-4 py-12 sm:px-6 lg:grid-cols-[1fr_28rem]">
      <div className="flex flex-col gap-6">
        <div>
          <p className="text-xs font-semibold tracking-wide text-brand-text uppercase">{t('eyebrow')}</p>
          <h1 className="mt-1 text-3xl font-bold text-slate-900">{t('title')}</h1>
          <p className="mt-3 text-slate-600">{t('intro')}</p>
        </div>
        <ul className="flex flex-col gap-4">
          {PERKS.map((perk) => (
            <li key={perk} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-semibold text-slate-900">{t(`perks.${perk}.title`)}</h2>
              <p className="mt-1 text-sm text-slate-600">{t(`perks.${perk}.body`)}</p>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">
          {t.rich('already', {
            link: (chunks) => (
              <Link href="/partner/signin" className="font-semibold text-brand-text underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold text-slate-900">{t('applyHeading')}</h2>
        <PartnerApplicationForm />
      </div>
    </section>
  );
}
