import { simpleParser } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; subject: string; text: string; html: string; links: string[] };

/**
 * A real SMTP server in the test process: what the app sends arrives here, parsed, so a
 * test reads the message as a person's mail program would and follows its link.
 */
export async function startSmtpServer(port = 0) {
  const inbox: ReceivedMail[] = [];
  const waiting: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          const text = mail.text ?? "";
          inbox.push({
            to: to?.value[0]?.address ?? "",
            subject: mail.subject ?? "",
            text,
            html: typeof mail.html === "string" ? mail.html : "",
            links: [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]),
          });
          waiting.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: listening } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${listening}`,
    inbox,
    /** The messages to this address so far. */
    to: (address: string) => inbox.filter((m) => m.to === address),
    /** The newest message to this address, waiting for it up to 5 s. */
    async latest(address: string): Promise<ReceivedMail> {
      const deadline = Date.now() + 5000;
      for (;;) {
        const found = inbox.filter((m) => m.to === address).at(-1);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No mail arrived for ${address}`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;
