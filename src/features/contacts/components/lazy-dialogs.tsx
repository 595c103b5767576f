"use client";

import dynamic from "next/dynamic";

// The directory's dialogs load when first opened, so Radix Dialog and the forms stay out
// of the JavaScript every directory page loads (see e2e/page-weight.spec.ts). Render them
// only while open.
export const LifecycleDialog = dynamic(() => import("./lifecycle-dialog").then((m) => m.LifecycleDialog), {
  ssr: false,
});
export const ContactFormDialog = dynamic(() => import("./contact-form-dialog").then((m) => m.ContactFormDialog), {
  ssr: false,
});
export const ContactPickerDialog = dynamic(() => import("./contact-picker-dialog").then((m) => m.ContactPickerDialog), {
  ssr: false,
});
export const MergeDialog = dynamic(() => import("./merge-dialog").then((m) => m.MergeDialog), { ssr: false });
