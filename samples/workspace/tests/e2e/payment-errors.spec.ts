import { test, expect } from '@playwright/test';
import { charge } from '@/payments/charge';

test('declines zero', () => expect(charge(0).ok).toBe(false));
