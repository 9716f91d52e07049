// Reseller commissions are one kind of earnings: crediting, reversing and approving them lives
// in lib/earnings (with partners' revenue share, on the same invoices). These names stay here
// because seed and demo code import them from this path.
export { creditCommissionsForInvoice, resellerChain, type CreditInput, type CreditResult, type InvoiceLineInput } from '../earnings/credit-invoice.ts';
export { reverseCommissionsForRefund, type ReversalInput, type ReversalResult } from '../earnings/reverse-refund.ts';
export { approveDueCommissions } from '../earnings/approve.ts';
