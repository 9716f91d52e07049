/** A ready-to-send message body: what sendEmail() needs besides the recipient and kind. */
export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}
