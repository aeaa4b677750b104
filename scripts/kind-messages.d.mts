/** The text of src/engine/kind-messages.generated.ts for the YAML files in `dir` (default rules/kinds). */
export function kindMessagesModule(dir?: string): string;
