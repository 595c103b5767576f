"use client";

import { DirectoryError } from "@/features/contacts/components/directory-error";

export default DirectoryError;
