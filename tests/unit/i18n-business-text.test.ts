import { describe, expect, it } from 'vitest';
import { serverTextTranslator } from '../../lib/i18n/server-text.ts';

// The business area's server sentences (messages/<language>/errors/business.json) as the pages
// get them: with values in them, and those built from parts (plan locks, seats, decisions).
describe("the business area's server sentences in the page's language", () => {
  it('translates a sentence with values, keeping the values', async () => {
    const german = await serverTextTranslator('de');
    expect(german('The Basic plan cannot be sold below $29.00 a month.')).toBe('Der Tarif Basic kann nicht unter $29.00 im Monat verkauft werden.');
    expect(german('A tier-3 reseller cannot recruit sub-resellers: the network is at most 3 tiers deep.')).toBe('Ein Reseller der Stufe 3 kann keine Sub-Reseller anwerben: Das Netzwerk hat höchstens 3 Stufen.');
  });

  it("names the locked feature in the page's language, not in English", async () => {
    const french = await serverTextTranslator('fr');
    expect(french('API keys are not included in the Free plan. Upgrade to Basic or above to use them. An owner can upgrade under Settings → Billing.')).toBe(
      'Le forfait Free n’inclut pas : Clés d’API. Passez au forfait Basic ou supérieur pour en profiter. Un propriétaire peut changer de forfait dans Paramètres → Facturation.',
    );
    const japanese = await serverTextTranslator('ja');
    expect(japanese('This workspace has no seat left: it has 5 members. The Free plan includes 5 members. Upgrade to Basic for 25 members. An owner can upgrade under Settings → Billing.')).toBe(
      'このワークスペースには空きがありません: メンバーは 5 人です。Free プランのメンバー上限は 5 人です。Basic にアップグレードすると 25 人まで利用できます。オーナーは 設定 → 請求 からアップグレードできます。',
    );
  });

  it("words a partner decision the status does not allow", async () => {
    const spanish = await serverTextTranslator('es');
    expect(spanish('This partner is active: it cannot be approved now.')).toBe('Este socio tiene el estado «activo»: ahora no se puede aprobar.');
  });
});
