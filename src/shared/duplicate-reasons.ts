// Why contacts are probably one person, strongest first: the reasons the Duplicates page,
// the API and the prevention warnings give, and how people read them.

export const DUPLICATE_REASONS = ["same_employee_id", "same_email", "same_phone", "same_name", "similar_name"] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  same_employee_id: "Same Employee ID",
  same_email: "Same email",
  same_phone: "Same phone",
  same_name: "Same name",
  similar_name: "Similar name",
};

/** How people read a reason in a sentence ("Same email and similar name"). */
export function describeReasons(reasons: readonly DuplicateReason[]): string {
  const words = [...reasons]
    .sort((a, b) => DUPLICATE_REASONS.indexOf(a) - DUPLICATE_REASONS.indexOf(b))
    .map((r, i) => (i === 0 ? DUPLICATE_REASON_LABELS[r] : DUPLICATE_REASON_LABELS[r].toLowerCase()));
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : (words[0] ?? "");
}

/** How similar (pg_trgm similarity of the folded names) two names must be to count as near-identical. */
export const SIMILAR_NAME_THRESHOLD = 0.5;
