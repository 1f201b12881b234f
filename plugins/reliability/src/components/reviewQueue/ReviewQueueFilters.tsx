import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import {
  REVIEW_QUEUE_STATES,
  ReviewQueueFilter,
} from '../../api/reviewQueueParams';
import { REVIEW_STATE_LABELS } from '../readiness/ReviewStateChip';
import { DebouncedTextField } from '../scorecard/DebouncedTextField';
import { shortRef, toEntityRefs } from '../scorecard/entityRefs';
import { FilterSelect } from '../scorecard/FilterSelect';

const STATE_OPTIONS = REVIEW_QUEUE_STATES.map(value => ({
  value,
  label: REVIEW_STATE_LABELS[value],
}));

/** The first ref of the text, a group unless it says otherwise: `sre` → `group:default/sre`. */
const toReviewerRef = (text: string) => toEntityRefs(text, 'group')[0] ?? '';

/** The reviewer filter the API reads as the viewer and the viewer's groups. */
const ME = 'me';

/** State, reviewer group ("waiting for me", or a group or user) and "due before" of the review queue. */
export function ReviewQueueFilters({
  filter,
  onChange,
}: {
  filter: ReviewQueueFilter;
  onChange: (filter: ReviewQueueFilter) => void;
}) {
  const filtered = Boolean(filter.state || filter.reviewer || filter.dueBefore);
  const mine = filter.reviewer === ME;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 12 }}>
      <FilterSelect
        id="review-queue-filter-state"
        label="State"
        options={STATE_OPTIONS}
        value={filter.state ? [filter.state] : []}
        onChange={([state]) =>
          onChange({
            ...filter,
            state: REVIEW_QUEUE_STATES.find(s => s === state),
          })
        }
      />
      <FormControlLabel
        control={
          <Checkbox
            id="review-queue-filter-mine"
            checked={mine}
            color="primary"
            onChange={event =>
              onChange({
                ...filter,
                reviewer: event.target.checked ? ME : undefined,
              })
            }
          />
        }
        label="Waiting for me or my groups"
      />
      <DebouncedTextField
        id="review-queue-filter-reviewer"
        label="Reviewer group"
        placeholder="e.g. sre or user:alice"
        disabled={mine}
        value={
          filter.reviewer && !mine ? shortRef(filter.reviewer, 'group') : ''
        }
        normalize={text => shortRef(toReviewerRef(text), 'group')}
        onChange={text =>
          onChange({ ...filter, reviewer: toReviewerRef(text) || undefined })
        }
      />
      <TextField
        id="review-queue-filter-due-before"
        label="Due before"
        type="date"
        variant="outlined"
        size="small"
        value={filter.dueBefore ?? ''}
        InputLabelProps={{ shrink: true }}
        onChange={event =>
          onChange({ ...filter, dueBefore: event.target.value || undefined })
        }
      />
      {filtered && (
        <Button size="small" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
