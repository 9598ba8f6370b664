// A module that runs but announces nothing (a stale file left by an update, say).
export const nothing = true;
