import { SectionNav } from "./section-nav";

/** A project's tools: its Directory and its Crews. */
export function ProjectNav({ companyId, projectId }: { companyId: string; projectId: string }) {
  const base = `/companies/${companyId}/projects/${projectId}`;
  return (
    <SectionNav
      label="Project tools"
      links={[
        { href: `${base}/directory/contacts`, label: "Directory", section: `${base}/directory` },
        { href: `${base}/crews`, label: "Crews", section: `${base}/crews` },
      ]}
    />
  );
}
