import { today } from '../lib/date';

export function createBooking(providerId: number) {
  return { providerId, at: today() };
}
