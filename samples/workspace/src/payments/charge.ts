export const charge = (cents: number) => ({ ok: cents > 0 });
