import { DirectorySkeleton } from "@/features/contacts/components/directory-skeleton";

export default DirectorySkeleton;
