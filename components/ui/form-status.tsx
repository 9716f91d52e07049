/** A polite confirmation that screen readers announce (e.g. "Saved."). */
export function FormStatus({ message }: { message?: string | null }) {
  return (
    <p role="status" aria-live="polite" className="text-sm text-green-700">
      {message ?? ''}
    </p>
  );
}
