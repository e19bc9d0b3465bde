/** Where the browser remembers that the "Start here" tour offer was taken or declined. */
export const TOUR_OFFER_KEY = 'deployment-map:tour-offer-seen';

/**
 * Whether to offer the first tour: a first visit, meaning nothing is marked yet and the
 * offer was never taken or declined. Blocked storage means no offer (it could not be
 * dismissed for good).
 */
export function shouldOfferTour(
  marked: number,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage
): boolean {
  try {
    return marked === 0 && !!storage && storage.getItem(TOUR_OFFER_KEY) === null;
  } catch {
    return false;
  }
}

/** Remembers that the offer was taken or declined (silently kept for this page only when storage is blocked). */
export function dismissTourOffer(
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage
): void {
  try {
    storage?.setItem(TOUR_OFFER_KEY, '1');
  } catch {
    // Storage blocked: the offer shows again on the next visit.
  }
}
