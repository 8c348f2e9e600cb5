import { RULE_PACK_IDS, RULE_PACKS, type RulePackId } from '@/lib/rules/cdk-nag/packs';

/**
 * Which cdk-nag packs the review runs with, as a plain GET form (`?packs=a&packs=b`): no client code, and the
 * selection is a shareable URL. The findings then list every source that reported a problem.
 */
export function PackSelector({ selected }: { selected: readonly RulePackId[] }) {
  return (
    <form
      method="get"
      data-testid="pack-selector"
      className="flex flex-wrap items-center gap-3 rounded-md bg-white px-3 py-2 text-xs ring-1 ring-slate-200"
    >
      <span className="font-medium text-slate-700">cdk-nag packs</span>
      {RULE_PACK_IDS.map((id) => (
        <label key={id} className="flex items-center gap-1 text-slate-700">
          <input type="checkbox" name="packs" value={id} defaultChecked={selected.includes(id)} data-testid={`pack-${id}`} />
          {RULE_PACKS[id].label}
        </label>
      ))}
      <button type="submit" data-testid="pack-apply" className="rounded-md px-2 py-1 ring-1 ring-slate-300 hover:bg-slate-50">
        Run
      </button>
    </form>
  );
}
