export default function DirectoryLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Directory</h1>
      {children}
    </>
  );
}
