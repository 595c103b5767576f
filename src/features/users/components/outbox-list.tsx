type Message = { id: string; to: string; subject: string; text: string; links: string[]; createdAt: string };

const format = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The company's kept messages, newest first: who to, what, when, and their links. */
export function OutboxList({ messages }: { messages: Message[] }) {
  if (messages.length === 0)
    return (
      <p role="status" className="rounded-lg border border-slate-200 bg-white px-6 py-10 text-center text-slate-600">
        No messages kept yet.
      </p>
    );
  return (
    <ul aria-label="Messages" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {messages.map((m) => (
        <li key={m.id} className="space-y-1 px-4 py-3 text-sm">
          <p className="flex flex-wrap justify-between gap-2">
            <span className="font-medium text-slate-900">{m.subject}</span>
            <time dateTime={m.createdAt} className="text-slate-500">
              {format.format(new Date(m.createdAt))} UTC
            </time>
          </p>
          <p className="text-slate-600">To {m.to}</p>
          {m.links.map((link) => (
            <p key={link} className="break-all">
              <a href={link} className="text-brand-700 underline">
                {link}
              </a>
            </p>
          ))}
          <details>
            <summary className="cursor-pointer text-slate-600">Message</summary>
            <pre className="mt-2 font-sans whitespace-pre-wrap text-slate-700">{m.text}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
