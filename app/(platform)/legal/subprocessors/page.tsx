import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { ScrollBox } from '@/components/ui/scroll-box';
import { COOKIES, subprocessors } from '@/lib/privacy/subprocessors';

export const metadata: Metadata = { title: 'Subprocessors and cookies' };
export const dynamic = 'force-dynamic';

// Public: who processes personal data for this Waypoint instance, and every cookie it sets.
export default function SubprocessorsPage() {
  const list = subprocessors();
  return (
    <div className="page flex flex-col gap-8">
      <PageHeader title="Subprocessors and cookies" description="The services this Waypoint instance hands personal data to, and the cookies it sets. A service is used only when the instance is configured for it." />
      <section aria-labelledby="subprocessors-heading" className="flex flex-col gap-3">
        <h2 id="subprocessors-heading" className="text-lg font-semibold text-slate-900">
          Subprocessors
        </h2>
        <ScrollBox label="Subprocessors" className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">Service</th>
                <th scope="col" className="px-4 py-2">What for</th>
                <th scope="col" className="px-4 py-2">Personal data</th>
                <th scope="col" className="px-4 py-2">Here</th>
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <tr key={row.name} className="border-t border-slate-100">
                  <th scope="row" className="px-4 py-2 font-medium text-slate-900">{row.name}</th>
                  <td className="px-4 py-2">{row.purpose}</td>
                  <td className="px-4 py-2">{row.data}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{row.inUse ? 'In use' : 'Not used'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>
      <section aria-labelledby="cookies-heading" className="flex flex-col gap-3">
        <h2 id="cookies-heading" className="text-lg font-semibold text-slate-900">
          Cookies
        </h2>
        <p className="text-sm text-slate-700">Every cookie is strictly necessary, so there is nothing to consent to: no analytics, advertising or preference cookies are set.</p>
        <ul className="flex flex-col gap-1 text-sm text-slate-800">
          {COOKIES.map((cookie) => (
            <li key={cookie.name}>
              <code className="break-all">{cookie.name}</code>: {cookie.purpose}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
