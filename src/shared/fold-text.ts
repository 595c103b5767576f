// How Rollcall compares names and searches: case, accents and punctuation folded away,
// phones compared by their digits. The database folds with the same table
// (rollcall_fold in prisma/migrations/20261202010100_contact_duplicates), so a word folded
// here matches the folded columns there; tests/integration/contact-duplicates.test.ts
// checks the two agree letter by letter.

/** Accented letters and their plain forms, one for one (SQL translate()). */
export const FOLD_FROM =
  "ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĦĥħÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿŁĺļľŀłÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőŔŖŘŕŗřŚŜŞŠśŝşšȘșŢŤŦţťŧȚțÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŸŶýÿŷŹŻŽźżž";
export const FOLD_TO =
  "AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeGGGGggggHHhhIIIIIIIIIiiiiiiiiiJjKkLLLLLlllllNNNNnnnnOOOOOOOOOoooooooooRRRrrrSSSSssssSsTTTtttTtUUUUUUUUUUuuuuuuuuuuWwYYYyyyZZZzzz";

const FOLD_MAP = new Map([...FOLD_FROM].map((ch, i) => [ch, FOLD_TO[i]!]));

/** Lower case without accents, as the database's rollcall_fold(). */
export function foldText(text: string): string {
  // Composed first, so "e" + combining acute is the é of the table.
  return [...text.normalize("NFC")]
    .map((ch) => FOLD_MAP.get(ch) ?? ch)
    .join("")
    .toLowerCase();
}

/** A name part as duplicates compare it: folded, letters and digits only ("O'Brien " → "obrien"). */
export function nameKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]/gu, "");
}

/** A phone as duplicates and search compare it: its digits. */
export function phoneDigits(text: string): string {
  return text.replace(/\D/g, "");
}

/**
 * A search word that reads as (part of) a phone number — digits and phone punctuation,
 * with punctuation — searched by its digits, as the searched text keeps phones: null
 * when the word is to be searched as typed.
 */
export function phoneSearchDigits(word: string): string | null {
  if (!/^[+\d().\-/]+$/.test(word)) return null;
  const digits = phoneDigits(word);
  return digits.length > 0 && digits !== word ? digits : null;
}
