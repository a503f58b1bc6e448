/**
 * The Redis Cluster slot of a key (CRC16/XMODEM of the hash tag or the whole key, mod 16384),
 * as in the Redis Cluster specification. Non-cluster servers refuse CLUSTER KEYSLOT, so tests
 * compute it here.
 */
export function clusterSlot(key: string): number {
  return crc16(hashTagOf(Buffer.from(key, 'utf8'))) % 16384;
}

function hashTagOf(key: Buffer): Buffer {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  // "{}" or no closing brace: the whole key is hashed.
  if (close < 0 || close === open + 1) return key;
  return key.subarray(open + 1, close);
}

export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}
