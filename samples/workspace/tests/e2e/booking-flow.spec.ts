import { test, expect } from '@playwright/test';
import { createBooking } from '../../src/booking/create';

test('books a slot', () => expect(createBooking(1).providerId).toBe(1));
