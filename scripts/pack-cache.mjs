// Part of `npm run build`: writes the validated built-in rule packs as JSON beside the compiled
// code, so the CLI does not parse and validate the YAML packs at every start (see src/node.ts).
import { writeBuiltinPackCache } from '../dist/src/node.js';

if (!writeBuiltinPackCache()) {
  console.error('pack-cache: the built-in packs did not load cleanly; no cache written (the CLI validates the YAML at start-up).');
}
