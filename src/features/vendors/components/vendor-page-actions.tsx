"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { VendorRecord } from "@/server/vendors/vendor-select";
import { VendorFormDialog } from "./vendor-form-dialog";

/** The company page's Edit Company button and dialog. */
export function VendorPageActions({ companyId, vendor }: { companyId: string; vendor: VendorRecord }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Edit Company</Button>
      {open && <VendorFormDialog companyId={companyId} vendor={vendor} onClose={() => setOpen(false)} />}
    </>
  );
}
