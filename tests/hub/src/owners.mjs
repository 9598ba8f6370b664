// Owner profiles as the pages embed them (ModelHeader `author`, listing `authorData`).
import { sha1Hex } from '../fixtures/util.mjs';

/** Default avatars live on the Hub itself (`/avatars/<hash>.svg`), so nothing reaches a CDN. @param {string} name */
export function avatarUrlFor(name) {
  return `/avatars/${sha1Hex(`avatar:${name}`).slice(0, 32)}.svg`;
}

/**
 * @param {import('../fixtures/snapshot.mjs').HubSnapshot} snapshot @param {string} name
 */
export function ownerProfile(snapshot, name) {
  const known = snapshot.owners[name];
  return {
    _id: known?._id ?? sha1Hex(`owner:${name}`).slice(0, 24),
    avatarUrl: avatarUrlFor(name),
    fullname: known?.fullname ?? name,
    name,
    type: known?.type ?? 'user',
    isHf: known?.isHf ?? false,
    isHfAdmin: false,
    isMod: false,
    followerCount: known?.followerCount ?? 0,
    isUserFollowing: false,
  };
}
