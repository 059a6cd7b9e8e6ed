import { createBooking } from './create';

export const reschedule = (providerId: number) => createBooking(providerId);
