import { test, expect } from '@playwright/test';
import { login } from '@/auth/login';

test('logs in', () => expect(login('ana')).toBe(true));
