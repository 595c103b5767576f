import type { z } from "zod";
import { ApiError } from "./errors";
import { parseWith } from "./request";

/**
 * Reads a multipart/form-data body (a file upload) and parses its fields with the
 * endpoint's schema: text fields as strings, files as File. A body over maxBytes is
 * refused before it is read, by its declared length.
 */
export async function parseFormBody<S extends z.ZodType>(
  schema: S,
  request: Request,
  maxBytes: number,
): Promise<z.output<S>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  // The form's boundaries and other fields take a few kilobytes more than the file.
  if (declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new ApiError("validation_error", "Send the file as multipart/form-data, in a field named file.", [
      { path: "content-type", message: "multipart/form-data" },
    ]);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ApiError(
      "validation_error",
      "The multipart/form-data body could not be read; check the boundary and the parts.",
    );
  }
  const fields: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of form) {
    if (key in fields)
      throw new ApiError("validation_error", `Send the field ${key} only once.`, [
        { path: key, message: "Given more than once." },
      ]);
    if (typeof value !== "string" && value.size > maxBytes) throw tooLarge(maxBytes);
    fields[key] = value;
  }
  return parseWith(schema, fields, "request body");
}

function tooLarge(maxBytes: number) {
  return new ApiError(
    "body_too_large",
    `The file is over ${maxBytes / 1024 / 1024} MB, the most an import takes. Split it into smaller files.`,
  );
}
