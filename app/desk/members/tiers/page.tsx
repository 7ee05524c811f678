import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DeskTable } from '@/components/desk/desk-table';
import { formatMoneyInput } from '@/lib/access/tiers/parse-money';
import { formatPrice } from '@/lib/access/tiers/format-price';
import { listTiers } from '@/lib/access/tiers/list-tiers';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { MembersFrame } from '../members-frame';
import { DeleteTierButton, TierActiveForm, TierForm } from './tier-forms.client';

export const metadata: Metadata = { title: 'Membership tiers', robots: { index: false } };

/** The tiers readers can join, with their display prices and benefits. */
export default async function TiersPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/members/tiers' });
  if (!can({ role: staff.role, action: 'member.manage' })) return <MembersFrame staff={staff} current="tiers" title="Membership tiers">{null}</MembersFrame>;
  const tiers = listTiers();
  return (
    <MembersFrame staff={staff} current="tiers" title="Membership tiers">
      <p className="hint">Prices are shown to readers; the payment provider charges them. A deactivated tier is no longer offered, and its members keep their access until their memberships end.</p>
      {tiers.length === 0 ? <p>No tiers yet. Add the first below.</p> : null}
      <DeskTable
        columns={['Tier', 'Monthly', 'Yearly', 'Benefits', 'Memberships', 'Offered']}
        hasActions
        caption={<>{tiers.length} {tiers.length === 1 ? 'tier' : 'tiers'}</>}
      >
        {tiers.map((tier) => (
          <tr key={tier.id}>
            <th scope="row">
              {tier.name} <span className="meta">{tier.slug}</span>
            </th>
            <td>{formatPrice({ cents: tier.monthlyPriceCents, currency: tier.currency })}</td>
            <td>{formatPrice({ cents: tier.yearlyPriceCents, currency: tier.currency })}</td>
            <td>{tier.benefits.length ? <ul>{tier.benefits.map((benefit) => <li key={benefit}>{benefit}</li>)}</ul> : '—'}</td>
            <td>{tier.membershipCount}</td>
            <td>{tier.isActive ? 'Yes' : 'No'}</td>
            <td>
              <details>
                <summary>Edit {tier.name}</summary>
                <TierForm
                  tier={{
                    id: tier.id,
                    name: tier.name,
                    slug: tier.slug,
                    description: tier.description,
                    monthlyPrice: formatMoneyInput(tier.monthlyPriceCents),
                    yearlyPrice: formatMoneyInput(tier.yearlyPriceCents),
                    currency: tier.currency.toUpperCase(),
                    benefits: tier.benefits.join('\n'),
                  }}
                />
              </details>
              <TierActiveForm id={tier.id} name={tier.name} isActive={tier.isActive} />
              <DeleteTierButton id={tier.id} name={tier.name} />
            </td>
          </tr>
        ))}
      </DeskTable>
      <h2>New tier</h2>
      <TierForm />
    </MembersFrame>
  );
}
