import { SectionNav } from "./section-nav";

export function MainNav({ companyId }: { companyId: string }) {
  const base = `/companies/${companyId}`;
  return (
    <SectionNav
      label="Main"
      className="ml-auto"
      links={[
        { href: `${base}/directory/contacts`, label: "Directory", section: `${base}/directory` },
        { href: `${base}/projects`, label: "Projects", section: `${base}/projects` },
        { href: `${base}/settings/api-tokens`, label: "API tokens", section: `${base}/settings` },
      ]}
    />
  );
}
