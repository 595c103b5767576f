import { SectionNav } from "./section-nav";

export function MainNav({ companyId, showHistory }: { companyId: string; showHistory: boolean }) {
  const base = `/companies/${companyId}`;
  return (
    <SectionNav
      label="Main"
      className="flex-col lg:flex-row"
      links={[
        { href: `${base}/directory/contacts`, label: "Directory", section: `${base}/directory` },
        { href: `${base}/projects`, label: "Projects", section: `${base}/projects` },
        ...(showHistory ? [{ href: `${base}/history`, label: "Change History", section: `${base}/history` }] : []),
        { href: `${base}/settings/api-tokens`, label: "API tokens", section: `${base}/settings` },
      ]}
    />
  );
}
