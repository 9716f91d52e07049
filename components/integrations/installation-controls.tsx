'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/http/api-client';

/** Install or uninstall a built-in integration for the whole workspace (admins). `what` says what else uninstalling does. */
export function InstallationControls({ id, name, installed, what }: { id: string; name: string; installed: boolean; what: string }) {
  const t = useTranslations('integrations.controls');
  const router = useRouter();
  const install = useMutation({
    mutationFn: () => api(`/api/app/integrations/${id}`, { method: 'POST' }),
    onSuccess: () => {
      toast.success(t('installedToast', { name }));
      router.refresh();
    },
  });
  const uninstall = useMutation({
    mutationFn: () => api(`/api/app/integrations/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      toast.success(t('uninstalledToast', { name }));
      router.refresh();
    },
  });
  const error = install.error?.message ?? uninstall.error?.message;
  return (
    <div className="flex flex-col gap-2 sm:items-end">
      {installed ? (
        <ConfirmDialog
          title={t('uninstallTitle', { name })}
          description={t('uninstallDescription', { name, what })}
          confirmLabel={t('uninstall')}
          pending={uninstall.isPending}
          onConfirm={() => uninstall.mutateAsync()}
          trigger={
            <Button type="button" variant="secondary" aria-label={t('uninstallLabel', { name })} data-testid="integration-uninstall">
              {t('uninstall')}
            </Button>
          }
        />
      ) : (
        <Button type="button" onClick={() => install.mutate()} disabled={install.isPending} data-testid="integration-install">
          {install.isPending ? t('installing') : t('install', { name })}
        </Button>
      )}
      <FormAlert message={error} />
    </div>
  );
}
