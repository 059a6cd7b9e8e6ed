import { test, expect } from '@playwright/test';
import { reschedule } from '@/booking/reschedule';

test('moves a booking', () => expect(reschedule(2).providerId).toBe(2));
