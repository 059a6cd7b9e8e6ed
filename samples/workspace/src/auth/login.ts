export const login = (user: string) => user.length > 0;
