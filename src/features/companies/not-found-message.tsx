import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or it belongs to another company.</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        Go to the directory
      </Link>
    </div>
  );
}
