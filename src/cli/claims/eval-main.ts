// Entry of `npm run eval:claims`: only the claims part of `npm run eval` (MSRP cross-validation and
// the seed restatements), for iterating on the claim model without the rest of the eval.
import { claimEvalSection } from './eval-section';

console.log(claimEvalSection(process.cwd()));
