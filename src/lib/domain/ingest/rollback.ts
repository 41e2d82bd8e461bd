/** A rollback (POST /api/datasets/:id/rollback): the version of the dataset to make current again. */
import * as v from 'valibot';

export const RollbackSchema = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)) });
export type Rollback = v.InferInput<typeof RollbackSchema>;
