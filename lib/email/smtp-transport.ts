import { createTransport, type Transporter } from 'nodemailer';

// One pooled transport per SMTP_URL and process, so a burst of emails reuses connections.
const holder = globalThis as unknown as { __waypointSmtp?: { url: string; transporter: Transporter } };

export function smtpTransport(url: string): Transporter {
  if (holder.__waypointSmtp?.url !== url) {
    holder.__waypointSmtp?.transporter.close();
    const transporter = createTransport({
      url,
      pool: true,
      maxConnections: 3,
      // Sends happen inside requests: fail in seconds rather than nodemailer's minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    holder.__waypointSmtp = { url, transporter };
  }
  return holder.__waypointSmtp.transporter;
}
