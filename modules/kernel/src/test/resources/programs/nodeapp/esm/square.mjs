export const square = (x) => x * x;
