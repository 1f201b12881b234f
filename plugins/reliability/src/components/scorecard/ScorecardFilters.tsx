import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import {
  BudgetStatus,
  PROFILE_REQUIREMENTS,
  PolicyState,
  ProfileRequirement,
  ScorecardFilter,
} from '@reliability-suite/plugin-reliability-common';
import { DebouncedTextField } from './DebouncedTextField';
import { toEntityRefs } from './entityRefs';
import { FilterOption, FilterSelect } from './FilterSelect';
import {
  BUDGET_STATUS_LABELS,
  POLICY_STATE_LABELS,
  REQUIREMENT_LABELS,
} from './labels';
import { useScorecardTiers } from './ScorecardTiers';

type OnChange = (
  filter: ScorecardFilter,
  options?: { replace?: boolean },
) => void;

const optionsOf = (labels: Record<string, string>): FilterOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const KIND_OPTIONS: FilterOption[] = [
  { value: 'component', label: 'Component' },
  { value: 'api', label: 'API' },
  { value: 'resource', label: 'Resource' },
  { value: 'system', label: 'System' },
];

/** `Service, website` → `service, website`: types are compared in lower case. */
const typeList = (text: string) =>
  text
    .split(',')
    .map(type => type.trim().toLocaleLowerCase('en-US'))
    .filter(Boolean);

const LIFECYCLE_OPTIONS = ['production', 'experimental', 'deprecated'].map(
  value => ({ value, label: value }),
);
const MISSING_OPTIONS = PROFILE_REQUIREMENTS.map(value => ({
  value,
  label: REQUIREMENT_LABELS[value],
}));

/** The tier drop-down (several tiers at once), of the configured tiers. */
export function TierFilter({
  filter,
  onChange,
}: {
  filter: ScorecardFilter;
  onChange: OnChange;
}) {
  const tiers = useScorecardTiers();
  return (
    <FilterSelect
      id="scorecard-filter-tier"
      label="Tier"
      multiple
      options={tiers.levels.map(level => ({
        value: String(level),
        label: tiers.label(level),
      }))}
      value={(filter.tiers ?? []).map(String)}
      onChange={values => onChange({ ...filter, tiers: values.map(Number) })}
    />
  );
}

/** A text filter of entity refs; short names get the default kind and namespace. */
function RefFilter({
  label,
  kind,
  values,
  onChange,
}: {
  label: string;
  kind: string;
  values: string[] | undefined;
  onChange: (refs: string[]) => void;
}) {
  return (
    <DebouncedTextField
      id={`scorecard-filter-${kind}`}
      label={label}
      placeholder={`e.g. ${kind}:default/name`}
      value={(values ?? []).join(', ')}
      normalize={text => toEntityRefs(text, kind).join(', ')}
      onChange={text => onChange(toEntityRefs(text, kind))}
    />
  );
}

/** The owner text filter. */
export function OwnerFilter({
  filter,
  onChange,
}: {
  filter: ScorecardFilter;
  onChange: OnChange;
}) {
  return (
    <RefFilter
      label="Owner"
      kind="group"
      values={filter.owners}
      onChange={owners => onChange({ ...filter, owners }, { replace: true })}
    />
  );
}

/** Every filter of the scorecard. Typed filters apply once typing pauses. */
export function ScorecardFilters({
  filter,
  onChange,
}: {
  filter: ScorecardFilter;
  onChange: OnChange;
}) {
  const typed = (change: ScorecardFilter) =>
    onChange({ ...filter, ...change }, { replace: true });
  const isEmpty = Object.keys(filter).length === 0;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      role="group"
      aria-label="Filters"
    >
      <DebouncedTextField
        id="scorecard-filter-search"
        label="Search"
        placeholder="Name, title or owner"
        value={filter.search ?? ''}
        onChange={text => typed({ search: text.trim() || undefined })}
      />
      <FilterSelect
        id="scorecard-filter-kind"
        label="Kind"
        multiple
        options={KIND_OPTIONS}
        value={filter.kinds ?? []}
        onChange={kinds => onChange({ ...filter, kinds })}
      />
      <DebouncedTextField
        id="scorecard-filter-type"
        label="Type"
        placeholder="e.g. service"
        value={(filter.types ?? []).join(', ')}
        normalize={text => typeList(text).join(', ')}
        onChange={text => typed({ types: typeList(text) })}
      />
      <TierFilter filter={filter} onChange={onChange} />
      <OwnerFilter filter={filter} onChange={onChange} />
      <RefFilter
        label="System"
        kind="system"
        values={filter.systems}
        onChange={systems => typed({ systems })}
      />
      <RefFilter
        label="Domain"
        kind="domain"
        values={filter.domains}
        onChange={domains => typed({ domains })}
      />
      <FilterSelect
        id="scorecard-filter-lifecycle"
        label="Lifecycle"
        multiple
        options={LIFECYCLE_OPTIONS}
        value={filter.lifecycles ?? []}
        onChange={lifecycles => onChange({ ...filter, lifecycles })}
      />
      <FilterSelect
        id="scorecard-filter-policy-state"
        label="Policy state"
        multiple
        options={optionsOf(POLICY_STATE_LABELS)}
        value={filter.policyStates ?? []}
        onChange={values =>
          onChange({ ...filter, policyStates: values as PolicyState[] })
        }
      />
      <FilterSelect
        id="scorecard-filter-budget-status"
        label="Budget status"
        multiple
        options={optionsOf(BUDGET_STATUS_LABELS)}
        value={filter.budgetStatuses ?? []}
        onChange={values =>
          onChange({ ...filter, budgetStatuses: values as BudgetStatus[] })
        }
      />
      <FilterSelect
        id="scorecard-filter-missing"
        label="Missing"
        options={MISSING_OPTIONS}
        value={filter.missing ? [filter.missing] : []}
        onChange={([missing]) =>
          onChange({
            ...filter,
            missing: missing as ProfileRequirement | undefined,
          })
        }
      />
      <FormControlLabel
        label="Stale only"
        title="Entities whose figures are stale: their last evaluation failed, or they were not evaluated for over two evaluation intervals"
        control={
          <Checkbox
            size="small"
            checked={filter.stale === true}
            onChange={event =>
              onChange({
                ...filter,
                stale: event.target.checked ? true : undefined,
              })
            }
          />
        }
      />
      <FormControlLabel
        label="Alerts not deployed / out of date"
        title="Entities with an SLO whose burn-rate alerts are missing, out of date or not loaded at all on its metric source"
        control={
          <Checkbox
            size="small"
            checked={filter.alertsNotDeployed === true}
            onChange={event =>
              onChange({
                ...filter,
                alertsNotDeployed: event.target.checked ? true : undefined,
              })
            }
          />
        }
      />
      <Button size="small" disabled={isEmpty} onClick={() => onChange({})}>
        Clear filters
      </Button>
    </Box>
  );
}
