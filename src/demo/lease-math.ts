/**
 * The money of a lease, in integer cents so no float rounding drifts a balance: the level
 * monthly payment of an amortized loan, the interest due on a balance, and what early payoff
 * saves. The demo's lease service is a stand-in, but its numbers add up the way a real one's do,
 * so a scenario can check them.
 */

/** Level payment `P·r / (1 − (1+r)^−n)` with r the monthly rate; `P / n` at 0 %. Rounded up to a cent. */
export function monthlyPaymentCents(principalCents: number, aprPercent: number, termMonths: number): number {
  const r = aprPercent / 100 / 12;
  if (r === 0) return Math.ceil(principalCents / termMonths);
  return Math.ceil((principalCents * r) / (1 - (1 + r) ** -termMonths));
}

/** One month's interest on a balance, rounded to the nearest cent. */
export function monthlyInterestCents(balanceCents: number, aprPercent: number): number {
  return Math.round((balanceCents * aprPercent) / 100 / 12);
}

/** How an installment of `amountCents` splits into interest and principal. */
export function splitPayment(
  amountCents: number,
  balanceCents: number,
  aprPercent: number,
): { interestCents: number; principalCents: number } {
  const interestCents = Math.min(amountCents, monthlyInterestCents(balanceCents, aprPercent));
  return { interestCents, principalCents: amountCents - interestCents };
}

/**
 * Total still to pay if every remaining installment were made on schedule: simulated month by
 * month (at most the term, so bounded), the last installment being whatever is left.
 */
export function scheduledRemainingCents(
  balanceCents: number,
  aprPercent: number,
  paymentCents: number,
  maxMonths: number,
): number {
  let balance = balanceCents;
  let total = 0;
  for (let month = 0; month < maxMonths && balance > 0; month++) {
    const interest = monthlyInterestCents(balance, aprPercent);
    const due = Math.min(paymentCents, balance + interest);
    total += due;
    balance = balance + interest - due;
  }
  return total + balance;
}
