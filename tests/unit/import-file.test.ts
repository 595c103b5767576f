import * as XLSX from "@e965/xlsx";
import { describe, expect, test } from "vitest";
import { decodeText, detectDelimiter } from "@/server/import/decode-text";
import { columnName, readSpreadsheet } from "@/server/import/read-spreadsheet";
import { resolveMapping } from "@/server/import/run-import";
import { guessMapping, splitFullName } from "@/shared/import/fields";

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string, bom = true) => {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[(bom ? 2 : 0) + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[(bom ? 2 : 0) + 2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};
/** Latin-1 plus the few Windows-1252 characters used here. */
const cp1252 = (text: string) => Uint8Array.from(text, (c) => (c === "€" ? 0x80 : c === "–" ? 0x96 : c.charCodeAt(0)));

describe("guessMapping", () => {
  test("reads headers whatever their case, spacing, underscores and common synonyms", () => {
    expect(
      guessMapping([
        "Given name",
        "SURNAME",
        "E-mail",
        "Mobile",
        "Trade",
        "Sub",
        "Badge #",
        "employee_id",
        "Class",
        "Projects",
        "Notes",
      ]),
    ).toEqual([
      "firstName",
      "lastName",
      "email",
      "phone",
      "jobTitle",
      "vendor",
      "employeeId",
      "skip",
      "classification",
      "projects",
      "skip",
    ]);
    expect(
      guessMapping([
        "first_name",
        "Last  Name",
        "Email Address",
        "Phone Number",
        "Job Title",
        "Employee of our company",
        "Company",
      ]),
    ).toEqual(["firstName", "lastName", "email", "phone", "jobTitle", "isEmployee", "vendor"]);
  });

  test("a full name column is used only when first and last name are not both there", () => {
    expect(guessMapping(["Name", "Email"])).toEqual(["fullName", "email"]);
    expect(guessMapping(["Name", "First name", "Last name"])).toEqual(["skip", "firstName", "lastName"]);
  });
});

describe("splitFullName", () => {
  test.each([
    ["Mary Ann Smith", "first-last", { firstName: "Mary Ann", lastName: "Smith" }],
    ["  Mary   Smith ", "first-last", { firstName: "Mary", lastName: "Smith" }],
    ["Smith Mary Ann", "last-first", { firstName: "Mary Ann", lastName: "Smith" }],
    ["Smith, Mary Ann", "first-last", { firstName: "Mary Ann", lastName: "Smith" }],
    ["Cher", "first-last", { firstName: "", lastName: "Cher" }],
  ] as const)("%s (%s)", (full, order, expected) => {
    expect(splitFullName(full, order)).toEqual(expected);
  });
});

describe("decodeText", () => {
  test("UTF-8 with and without a byte-order mark", () => {
    expect(decodeText(utf8("\uFEFFJosé;Müller"))).toEqual({ text: "José;Müller", encoding: "utf-8" });
    expect(decodeText(utf8("José;Müller"))).toEqual({ text: "José;Müller", encoding: "utf-8" });
  });

  test("UTF-16 little and big endian by their byte-order mark, and little endian without one", () => {
    expect(decodeText(utf16le("Zoë\tŁukasz"))).toEqual({ text: "Zoë\tŁukasz", encoding: "utf-16le" });
    const be = utf16le("Zoë\tŁukasz").slice(2);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...be]))).toEqual({ text: "Zoë\tŁukasz", encoding: "utf-16be" });
    expect(decodeText(utf16le("First name\tLast name\r\nAnn\tLee\r\n", false)).encoding).toBe("utf-16le");
  });

  test("the encoding the user chooses wins over the detected one", () => {
    // "MÃ¼ller" in Windows-1252 is also valid UTF-8 (for "Müller"): only the user can tell.
    const bytes = cp1252("Name;MÃ¼ller");
    expect(decodeText(bytes)).toEqual({ text: "Name;Müller", encoding: "utf-8" });
    expect(decodeText(bytes, "windows-1252")).toEqual({ text: "Name;MÃ¼ller", encoding: "windows-1252" });
    expect(decodeText(cp1252("Jörg"), "utf-8")).toEqual({ text: "J\uFFFDrg", encoding: "utf-8" });
    expect(decodeText(utf16le("Zoë"), "utf-16le")).toEqual({ text: "Zoë", encoding: "utf-16le" });
  });

  test("Windows-1252 when the bytes are not valid UTF-8", () => {
    expect(decodeText(cp1252("Prénom;Nom;Coût €;Zeit – 8h"))).toEqual({
      text: "Prénom;Nom;Coût €;Zeit – 8h",
      encoding: "windows-1252",
    });
  });
});

describe("detectDelimiter", () => {
  test.each([
    ["First name,Last name,Email\nAnn,Lee,a@x.com\n", ","],
    ["Vorname;Nachname;Firma\nJörg;Schmidt;Bau GmbH, Köln\nAnna;Weber;Elektro AG\n", ";"],
    ["First\tLast\tEmail\nAnn\tLee\ta@x.com\n", "\t"],
    ['Name,Note\n"Lee; Ann","a;b;c"\n"Kim, Bo",x\n', ","],
  ])("%j → %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe("readSpreadsheet", () => {
  test("a semicolon CSV in Windows-1252 with quoted newlines, blank rows kept in place and trailing ones dropped", () => {
    const sheet = readSpreadsheet(
      cp1252('Vorname;Nachname;Notiz\r\nJörg;Müller;"Zeile 1\r\nZeile 2"\r\n;;\r\nAnna;Weber;x\r\n;;\r\n\r\n'),
      "crew.csv",
    );
    expect(sheet).toMatchObject({
      kind: "csv",
      encoding: "windows-1252",
      delimiter: ";",
      headers: ["Vorname", "Nachname", "Notiz"],
    });
    expect(sheet.rows).toEqual([
      ["Jörg", "Müller", "Zeile 1\r\nZeile 2"],
      ["", "", ""],
      ["Anna", "Weber", "x"],
    ]);
  });

  test("an XLSX's first sheet or a chosen one, cells as their cached text, formulas not evaluated", () => {
    const book = XLSX.utils.book_new();
    const first = XLSX.utils.aoa_to_sheet([
      ["First name", "Last name", "Badge #"],
      ["Ann", "Lee", 1042],
    ]);
    first["D2"] = { t: "n", v: 7, f: "3+4" };
    first["D1"] = { t: "s", v: "Sum" };
    first["!ref"] = "A1:D2";
    XLSX.utils.book_append_sheet(book, first, "Payroll");
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["Name"], ["Bo Kim"]]), "Subs");
    const bytes = XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
    expect(readSpreadsheet(bytes, "payroll.xlsx")).toMatchObject({
      kind: "xlsx",
      sheets: ["Payroll", "Subs"],
      sheet: "Payroll",
      headers: ["First name", "Last name", "Badge #", "Sum"],
      rows: [["Ann", "Lee", "1042", "7"]],
    });
    expect(readSpreadsheet(bytes, "payroll.xlsx", { sheet: "Subs" })).toMatchObject({
      sheet: "Subs",
      headers: ["Name"],
      rows: [["Bo Kim"]],
    });
    expect(() => readSpreadsheet(bytes, "payroll.xlsx", { sheet: "Nope" })).toThrow(
      'payroll.xlsx has no sheet named "Nope". Its sheets: Payroll, Subs.',
    );
  });

  test.each([
    [
      "a PNG renamed .csv",
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "is a PNG image, not a spreadsheet",
    ],
    ["an empty file", new Uint8Array(), "is empty"],
    ["a header row only", utf8("First name,Last name\r\n"), "has a header row but no people"],
    ["rows of only spaces and commas", utf8("First name,Last name\n , \n,,\n   \n"), "has a header row but no people"],
    [
      "1,000 columns",
      utf8(Array.from({ length: 1000 }, (_, i) => `c${i}`).join(",") + "\n" + "x,".repeat(999) + "x\n"),
      "has 1,000 columns; an import reads at most 200",
    ],
    [
      "a quote never closed",
      utf8('First name,Last name\nAnn,"Lee\n'),
      "could not be read at row 2: a quoted field is never closed",
    ],
    ["more than 50,000 rows", utf8("First name,Last name\n" + "a,b\n".repeat(50_001)), "has more than 50,000 rows"],
    ["two columns with one name", utf8("Email,email\na,b\n"), 'Two columns are named "email"'],
  ])("refuses %s with a message saying what to do", (_, bytes, message) => {
    expect(() => readSpreadsheet(bytes, "people.csv")).toThrow(message);
  });

  test("refuses a file over 20 MB before reading it", () => {
    expect(() => readSpreadsheet(new Uint8Array(30 * 1024 * 1024), "big.csv")).toThrow(
      "big.csv is 30.0 MB; an import takes at most 20 MB",
    );
  });
});

describe("resolveMapping", () => {
  test("refuses a mapping without a name column, with a field twice, or naming a header the file lacks", () => {
    expect(() => resolveMapping(["Email", "Phone"], undefined)).toThrow("No name column is mapped");
    expect(() => resolveMapping(["A", "B", "C"], { A: "firstName", B: "lastName", C: "lastName" })).toThrow(
      "Two columns go to Last name (B, C)",
    );
    expect(() => resolveMapping(["A", "B"], { A: "fullName", Z: "email" })).toThrow('The mapping names "Z"');
    expect(resolveMapping(["A", "B"], { A: "fullName" })).toEqual(["fullName", "skip"]);
  });
});

test("columnName", () => {
  expect([0, 25, 26, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
});
