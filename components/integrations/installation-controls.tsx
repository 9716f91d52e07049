'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/http/api-client';

/** Install or uninstall a built-in integration for the whole workspace (admins). */
export function InstallationControls({ id, name, installed, what }: { id: string; name: string; installed: boolean; what: string }) {
  const router = useRouter();
  const install = useMutation({
    mutationFn: () => api(`/api/app/integrations/${id}`, { method: 'POST' }),
    onSuccess: () => {
      toast.success(`${name} is installed.`);
      router.refresh();
    },
  });
  const uninstall = useMutation({
    mutationFn: () => api(`/api/app/integrations/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      toast.success(`${name} was uninstalled.`);
      router.refresh();
    },
  });
  const error = install.error?.message ?? uninstall.error?.message;
  return (
    <div className="flex flex-col gap-2 sm:items-end">
      {installed ? (
        <ConfirmDialog
          title={`Uninstall ${name}?`}
          description={`Every connection to ${name} is disconnected and its access revoked at the provider. ${what}`}
          confirmLabel="Uninstall"
          pending={uninstall.isPending}
          onConfirm={() => uninstall.mutateAsync()}
          trigger={
            <Button type="button" variant="secondary" aria-label={`Uninstall ${name}`} data-testid="integration-uninstall">
              Uninstall
            </Button>
          }
        />
      ) : (
        <Button type="button" onClick={() => install.mutate()} disabled={install.isPending} data-testid="integration-install">
          {install.isPending ? 'Installing…' : `Install ${name}`}
        </Button>
      )}
      <FormAlert message={error} />
    </div>
  );
}
