// Tests import server modules directly; the real package only allows that under React's server build.
export {};
