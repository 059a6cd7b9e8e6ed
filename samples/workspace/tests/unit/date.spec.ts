import { today } from '../../src/lib/date';

test('today is a date', () => expect(today()).toBeInstanceOf(Date));
