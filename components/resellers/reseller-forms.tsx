'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';
import { PLATFORM_CURRENCY, rateText } from '@/lib/resellers/money';
import { suggestSlug } from '@/lib/signup/signup-schema';
import { dollarsToCents, fields, percentToBps } from './form-values';

// The reseller dashboard's forms. Each reads its own fields at submit (people may type before
// hydration), calls one route, and refreshes the server-rendered page.

export function CreateClientForm({ rootDomain }: { rootDomain: string }) {
  const t = useTranslations('resellerClients.create');
  const router = useRouter();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const result = await api<{ tenant: { slug: string; name: string }; invitation: { email: string } }>('/api/reseller/clients', {
        method: 'POST',
        json: { workspaceName: form.workspaceName, slug: form.slug, ownerEmail: form.ownerEmail },
      });
      setName('');
      setSlug('');
      setSlugEdited(false);
      router.refresh();
      return t('created', { name: result.tenant.name, address: `${result.tenant.slug}.${rootDomain}`, email: result.invitation.email });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('title')}>
      <FormAlert message={alert} />
      <TextField
        label={t('name')}
        name="workspaceName"
        required
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(suggestSlug(e.target.value));
        }}
        error={errors.workspaceName}
      />
      <TextField
        label={t('address')}
        name="slug"
        dir="ltr"
        required
        value={slug}
        onChange={(e) => {
          setSlug(e.target.value.toLowerCase());
          setSlugEdited(true);
        }}
        error={errors.slug}
        hint={t.rich('addressHint', {
          address: `${slug || t('addressPlaceholder')}.${rootDomain}`,
          strong: (chunks) => <strong dir="ltr">{chunks}</strong>,
        })}
      />
      <TextField label={t('ownerEmail')} name="ownerEmail" type="email" required error={errors.ownerEmail} hint={t('ownerEmailHint')} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('creating') : t('submit')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export interface PriceOption {
  planId: string;
  planName: string;
  floorCents: number | null;
  priceCents: number | null;
  listPriceCents: number;
}

export function SetPriceForm({ plans, currency = PLATFORM_CURRENCY }: { plans: PriceOption[]; currency?: string }) {
  const t = useTranslations('reseller.prices');
  const fmt = useFormat();
  const money = (cents: number) => fmt.money(cents, currency);
  const router = useRouter();
  const priceable = plans.filter((plan) => plan.floorCents !== null);
  const [planId, setPlanId] = useState(priceable[0]?.planId ?? '');
  const { errors, alert, status, pending, submit } = useFormSubmit();
  const selected = priceable.find((plan) => plan.planId === planId);

  if (priceable.length === 0) return <p className="text-sm text-slate-600">{t('nonePriceable')}</p>;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const priceCents = dollarsToCents(form.price ?? '', 'priceCents', t('errors.dollars'));
      await api('/api/reseller/prices', { method: 'PUT', json: { planId: form.planId, priceCents, currency } });
      router.refresh();
      return t('saved', { plan: priceable.find((p) => p.planId === form.planId)?.planName ?? form.planId, price: money(priceCents) });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('formTitle')}>
      <FormAlert message={alert} />
      <SelectField label={t('plan')} name="planId" value={planId} onChange={(e) => setPlanId(e.target.value)} error={errors.planId} options={priceable.map((plan) => ({ value: plan.planId, label: plan.planName }))} />
      <TextField
        key={planId}
        label={t('monthlyPrice', { currency: currency.toUpperCase() })}
        name="price"
        inputMode="decimal"
        required
        defaultValue={selected?.priceCents !== null && selected?.priceCents !== undefined ? (selected.priceCents / 100).toFixed(2) : ''}
        error={errors.priceCents}
        hint={selected ? t('priceHint', { list: money(selected.listPriceCents), floor: money(selected.floorCents ?? 0) }) : undefined}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function RecruitForm({ maxRateBps, defaultRateBps }: { maxRateBps: number; defaultRateBps: number }) {
  const t = useTranslations('reseller.network');
  const fmt = useFormat();
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    const target = event.currentTarget;
    void submit(async () => {
      const rateBps = form.rate ? percentToBps(form.rate, t('errors.rate')) : undefined;
      await api('/api/reseller/sub-resellers', { method: 'POST', json: { name: form.name, ownerEmail: form.ownerEmail, rateBps } });
      target.reset();
      router.refresh();
      return t('recruited', { name: form.name });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('recruitTitle')}>
      <FormAlert message={alert} />
      <TextField label={t('name')} name="name" required error={errors.name} />
      <TextField label={t('ownerEmail')} name="ownerEmail" type="email" required error={errors.ownerEmail} />
      <TextField
        label={t('rate')}
        name="rate"
        inputMode="decimal"
        defaultValue={String(defaultRateBps / 100)}
        error={errors.rateBps}
        hint={t('rateHint', { rate: rateText(fmt, maxRateBps) })}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('recruiting') : t('recruit')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

/** A sub-reseller's rate (the parent's form) or any reseller's (the operator's, with `endpoint`). */
export function RateForm({ resellerId, name, rateBps, endpoint }: { resellerId: string; name: string; rateBps: number; endpoint?: string }) {
  const t = useTranslations('reseller.network');
  const fmt = useFormat();
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      const bps = percentToBps(form.rate ?? '', t('errors.rate'));
      await api(endpoint ?? `/api/reseller/sub-resellers/${encodeURIComponent(resellerId)}`, { method: 'PATCH', json: { rateBps: bps } });
      router.refresh();
      return t('rateSet', { rate: rateText(fmt, bps) });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={t('rateOf', { name })}>
      <TextField label={t('rateLabel', { name })} name="rate" inputMode="decimal" defaultValue={String(rateBps / 100)} error={errors.rateBps ?? alert ?? undefined} className="w-40" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('saving') : t('setRate')}
      </Button>
      <FormStatus message={status} />
    </form>
  );
}

export function WhiteLabelForm({ initial }: { initial: { name: string; logoUrl: string; websiteUrl: string } }) {
  const t = useTranslations('reseller.settings');
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    void submit(async () => {
      await api('/api/reseller/white-label', { method: 'PUT', json: { name: form.name, logoUrl: form.logoUrl, websiteUrl: form.websiteUrl } });
      router.refresh();
      return t('saved');
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('whiteLabel')}>
      <FormAlert message={alert} />
      <TextField label={t('labelName')} name="name" defaultValue={initial.name} error={errors.name} hint={t('labelNameHint')} />
      <TextField label={t('logoUrl')} name="logoUrl" dir="ltr" defaultValue={initial.logoUrl} error={errors.logoUrl} hint={t('logoUrlHint')} />
      <TextField label={t('website')} name="websiteUrl" dir="ltr" defaultValue={initial.websiteUrl} error={errors.websiteUrl} hint={t('websiteHint')} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('saveWhiteLabel')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function InviteResellerUserForm() {
  const t = useTranslations('reseller.settings');
  const router = useRouter();
  const { errors, alert, status, pending, submit } = useFormSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = fields(event);
    const target = event.currentTarget;
    void submit(async () => {
      const result = await api<{ status: 'added' | 'invited' }>('/api/reseller/users', { method: 'POST', json: { email: form.email, role: form.role } });
      target.reset();
      router.refresh();
      return result.status === 'added' ? t('added', { email: form.email }) : t('invited', { email: form.email });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('addPerson')}>
      <FormAlert message={alert} />
      <TextField label={t('email')} name="email" type="email" required error={errors.email} />
      <SelectField
        label={t('role')}
        name="role"
        defaultValue="member"
        error={errors.role}
        options={[
          { value: 'member', label: t('roleMember') },
          { value: 'owner', label: t('roleOwner') },
        ]}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('adding') : t('addPersonButton')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}
