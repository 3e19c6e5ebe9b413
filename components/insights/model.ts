// What the insights page's server part and its charts agree on (a plain module: a 'use client'
// module's constants reach a server component only as references).

/** Weeks of delivery history charted (delivery.summary's `weeks`). */
export const deliveryWeeks = 12;
